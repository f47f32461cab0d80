package org.quntuan.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.governance.GovernanceContacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the governance module which accounts belong to invitees, resolution owners and org admins. */
@Component
class GovernanceContactsDirectory implements GovernanceContacts {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	GovernanceContactsDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, Long> accountsOfPeople(Collection<Long> personIds) {
		Map<Long, Long> result = new HashMap<>();
		List<Long> ids = new ArrayList<>(new LinkedHashSet<>(personIds));
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.sql("select person_id, id from account where enabled = true and person_id in (:ids)")
				.param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
				.query((rs, i) -> result.put(rs.getLong("person_id"), rs.getLong("id")))
				.list();
		}
		return result;
	}

	@Override
	public Map<Long, Set<Long>> orgAdmins(Collection<Long> orgIds) {
		Map<Long, Set<Long>> result = new HashMap<>();
		List<Long> ids = new ArrayList<>(new LinkedHashSet<>(orgIds));
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.sql("""
					select b.org_id, a.id from role_binding b join account a on a.id = b.account_id
					where a.enabled = true and b.role = 'ORG_ADMIN' and b.org_id in (:ids)""")
				.param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
				.query((rs, i) -> result.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getLong(2)))
				.list();
		}
		return result;
	}

	@Override
	public Set<Long> federationAdmins() {
		return new LinkedHashSet<>(jdbc.sql("""
				select a.id from role_binding b join account a on a.id = b.account_id
				where a.enabled = true and b.role = 'FEDERATION_ADMIN' order by a.id""").query(Long.class).list());
	}
}
