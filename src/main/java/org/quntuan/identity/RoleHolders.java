package org.quntuan.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a role at an organization, for modules that address an org's office-holders (the admins
 * of a notice's target orgs, say). Enabled accounts only; unscoped: the caller applies its own rules.
 */
@Service
@Transactional(readOnly = true)
public class RoleHolders {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	RoleHolders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ids of the enabled accounts bound to the role at exactly this org. */
	public List<Long> accountsWithRole(Role role, long orgId) {
		return accountsWithRole(role, List.of(orgId)).getOrDefault(orgId, List.of());
	}

	/** Whether the person's enabled account holds the role at any organization. */
	public boolean personHolds(long personId, Role role) {
		return jdbc.sql("""
				select count(*) from role_binding b join account a on a.id = b.account_id
				where a.enabled = true and a.person_id = :person and b.role = :role""")
			.param("person", personId).param("role", role.name()).query(Long.class).single() > 0;
	}

	/** Per org id, the enabled accounts bound to the role there; orgs without any are absent. */
	public Map<Long, List<Long>> accountsWithRole(Role role, Collection<Long> orgIds) {
		List<Long> ids = new ArrayList<>(orgIds);
		Map<Long, List<Long>> result = new LinkedHashMap<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.sql("""
					select b.org_id, b.account_id from role_binding b join account a on a.id = b.account_id
					where a.enabled = true and b.role = :role and b.org_id in (:ids) order by b.org_id, b.account_id""")
				.param("role", role.name()).param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
				.query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2)))
				.list()
				.forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		}
		return result;
	}
}
