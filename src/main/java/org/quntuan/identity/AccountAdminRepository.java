package org.quntuan.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL of account administration. Which accounts an admin reaches is a condition of fixed text: a
 * binding at an org below one of their admin paths, or a person they administer; values are bound.
 */
@Repository
class AccountAdminRepository {

	/** What an admin reaches: everything (a grant at the root), or org paths and people. */
	record Reach(boolean everything, List<String> paths, SqlCondition people) {
	}

	record AccountRow(long id, String username, String displayName, Long personId, String email, boolean enabled,
			OffsetDateTime lockedUntil, boolean mustChangePassword, boolean totpEnrolled, int version) {
	}

	record BindingRow(long id, long accountId, String role, long orgId, String orgName, String orgType,
			String orgPath) {
	}

	record OrgRow(long id, String name, String type, String path, boolean active) {
	}

	private static final String ACCOUNT_COLUMNS = "a.id, a.username, a.display_name, a.person_id, a.email, a.enabled,"
			+ " a.locked_until, a.must_change_password, a.totp_secret, a.version";

	private final JdbcClient jdbc;

	AccountAdminRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static AccountRow account(ResultSet rs, int i) throws SQLException {
		return new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getObject("person_id", Long.class), rs.getString("email"), rs.getBoolean("enabled"),
				rs.getObject("locked_until", OffsetDateTime.class), rs.getBoolean("must_change_password"),
				rs.getString("totp_secret") != null, rs.getInt("version"));
	}

	private static String reachSql(Reach reach, Map<String, Object> params) {
		if (reach.everything()) {
			return "1 = 1";
		}
		SqlCondition bindings = SqlCondition.pathUnder("o.path", "reachPath", reach.paths());
		params.putAll(bindings.params());
		params.putAll(reach.people().params());
		return "(exists (select 1 from role_binding rb join org o on o.id = rb.org_id where rb.account_id = a.id and "
				+ bindings.sql() + ") or a.person_id in (select p.id from person p where " + reach.people().sql() + "))";
	}

	/** @param like a lower-case LIKE pattern with ! as escape, or null for all */
	private static String where(Reach reach, String like, Map<String, Object> params) {
		String sql = " from account a where " + reachSql(reach, params);
		if (like != null) {
			params.put("q", like);
			sql += " and (lower(a.username) like :q escape '!' or lower(a.display_name) like :q escape '!')";
		}
		return sql;
	}

	long count(Reach reach, String like) {
		Map<String, Object> params = new HashMap<>();
		return jdbc.sql("select count(*)" + where(reach, like, params)).params(params).query(Long.class).single();
	}

	List<AccountRow> page(Reach reach, String like, long offset, int limit) {
		Map<String, Object> params = new HashMap<>();
		String sql = "select " + ACCOUNT_COLUMNS + where(reach, like, params)
				+ " order by a.username offset :offset rows fetch next :limit rows only";
		params.put("offset", offset);
		params.put("limit", limit);
		return jdbc.sql(sql).params(params).query(AccountAdminRepository::account).list();
	}

	boolean reaches(Reach reach, long accountId) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", accountId);
		return jdbc.sql("select count(*) from account a where a.id = :id and " + reachSql(reach, params)).params(params)
			.query(Long.class).single() > 0;
	}

	boolean personIn(SqlCondition people, long personId) {
		Map<String, Object> params = new HashMap<>(people.params());
		params.put("personId", personId);
		return jdbc.sql("select count(*) from person p where p.id = :personId and " + people.sql()).params(params)
			.query(Long.class).single() > 0;
	}

	Optional<AccountRow> find(long id) {
		return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account a where a.id = :id").param("id", id)
			.query(AccountAdminRepository::account).optional();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("select count(*) from account where lower(username) = lower(:u)").param("u", username)
			.query(Long.class).single() > 0;
	}

	boolean personHasAccount(long personId) {
		return jdbc.sql("select count(*) from account where person_id = :p").param("p", personId).query(Long.class)
			.single() > 0;
	}

	List<BindingRow> bindingsOf(Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select b.id, b.account_id, b.role, o.id as org_id, o.name, o.type, o.path
				from role_binding b join org o on o.id = b.org_id where b.account_id in (:ids) order by b.id""")
			.param("ids", accountIds)
			.query((rs, i) -> new BindingRow(rs.getLong("id"), rs.getLong("account_id"), rs.getString("role"),
					rs.getLong("org_id"), rs.getString("name"), rs.getString("type"), rs.getString("path")))
			.list();
	}

	Optional<OrgRow> org(long id) {
		return jdbc.sql("select id, name, type, path, active from org where id = :id").param("id", id)
			.query((rs, i) -> new OrgRow(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
					rs.getString("path"), rs.getBoolean("active")))
			.optional();
	}

	/** Active orgs below the paths (all for null), for choosing where to bind a role. */
	List<OrgRow> orgsBelow(List<String> paths) {
		SqlCondition below = paths == null ? SqlCondition.ALL : SqlCondition.pathUnder("path", "p", paths);
		return jdbc.sql("select id, name, type, path, active from org where active = true and " + below.sql() + " order by path")
			.params(below.params())
			.query((rs, i) -> new OrgRow(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
					rs.getString("path"), true))
			.list();
	}

	void setEmail(long id, String email) {
		jdbc.sql("update account set email = :e where id = :id").param("e", email).param("id", id).update();
	}

	/** Binds the role and logs who granted it; the log outlives the binding (see {@code ApproverLookup}). */
	long bind(long accountId, String role, long orgId, long grantedBy, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into role_binding (account_id, role, org_id, created_at) values (:a, :r, :o, :now)")
			.param("a", accountId).param("r", role).param("o", orgId).param("now", now).update(keys, "id");
		jdbc.sql("""
				insert into role_grant (account_id, role, org_id, granted_by, granted_at)
				values (:a, :r, :o, :by, :now)""")
			.param("a", accountId).param("r", role).param("o", orgId).param("by", grantedBy).param("now", now).update();
		return keys.getKey().longValue();
	}

	int unbind(long accountId, long bindingId) {
		return jdbc.sql("delete from role_binding where id = :b and account_id = :a").param("b", bindingId)
			.param("a", accountId).update();
	}

	void disable(long id, OffsetDateTime now) {
		jdbc.sql("update account set enabled = false, disabled_at = :now, version = version + 1 where id = :id")
			.param("now", now).param("id", id).update();
		deleteTokens(id);
	}

	void enable(long id) {
		jdbc.sql("update account set enabled = true, version = version + 1 where id = :id").param("id", id).update();
	}

	/** A new password the owner must change; a lock is lifted and the old tokens stop working. */
	void resetPassword(long id, String hash) {
		jdbc.sql("""
				update account set password_hash = :h, must_change_password = true, failed_attempts = 0,
				  locked_until = null, version = version + 1 where id = :id""")
			.param("h", hash).param("id", id).update();
		deleteTokens(id);
	}

	private void deleteTokens(long id) {
		jdbc.sql("delete from api_token where account_id = :id").param("id", id).update();
	}
}
