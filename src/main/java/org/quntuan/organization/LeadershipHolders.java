package org.quntuan.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who leads an organization now, for modules that address office-holders (a training class for the
 * heads of women's committees, say). Teams in office only; unscoped: the caller applies its own rules.
 */
@Service
@Transactional(readOnly = true)
public class LeadershipHolders {

	private final JdbcClient jdbc;

	LeadershipHolders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the person is the head or a deputy head (主席/副主席, 书记/副书记, 主任/副主任) of an org of the type. */
	public boolean heads(long personId, OrgType type) {
		return jdbc.sql("""
				select count(*) from leadership_member m join leadership_team t on t.id = m.team_id
				  join org o on o.id = t.org_id
				where m.person_id = :person and t.current_org_id is not null and o.type = :type and o.active = true
				  and m.position in ('CHAIR', 'VICE_CHAIR')""")
			.param("person", personId).param("type", type.name()).query(Long.class).single() > 0;
	}
}
