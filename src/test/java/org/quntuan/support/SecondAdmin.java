package org.quntuan.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** A second ORG_ADMIN account at an org, with the demo password, for flows where several must agree. */
public final class SecondAdmin {

	private SecondAdmin() {
	}

	public static long create(JdbcClient jdbc, String username, long orgId) {
		jdbc.sql("delete from role_binding where account_id in (select id from account where username = :u)")
			.param("u", username).update();
		Long existing = jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class)
			.optional().orElse(null);
		long id;
		if (existing == null) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("insert into account (username, password_hash, display_name, enabled, created_at)"
					+ " select :u, password_hash, '第二管理员', true, current_timestamp from account where username = 'admin'")
				.param("u", username).update(keys, "id");
			id = keys.getKey().longValue();
			jdbc.sql("insert into consent (account_id, kind, version, given_at) values (:a, 'PRIVACY_RULES', '2026-11', current_timestamp)")
				.param("a", id).update();
		}
		else {
			id = existing;
			jdbc.sql("update account set enabled = true where id = :id").param("id", id).update();
		}
		jdbc.sql("insert into role_binding (account_id, role, org_id, created_at) values (:a, 'ORG_ADMIN', :o, current_timestamp)")
			.param("a", id).param("o", orgId).update();
		return id;
	}

	public static void disable(JdbcClient jdbc, long accountId) {
		jdbc.sql("delete from role_binding where account_id = :a").param("a", accountId).update();
		jdbc.sql("update account set enabled = false where id = :a").param("a", accountId).update();
	}
}
