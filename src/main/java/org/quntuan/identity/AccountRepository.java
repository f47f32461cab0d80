package org.quntuan.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Account map(ResultSet rs, int i) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("display_name"), rs.getObject("person_id", Long.class), rs.getBoolean("enabled"),
				rs.getInt("failed_attempts"), rs.getObject("locked_until", OffsetDateTime.class),
				rs.getBoolean("must_change_password"));
	}

	Optional<Account> findByUsername(String username) {
		return jdbc.sql("select * from account where username = :u").param("u", username).query(AccountRepository::map)
			.optional();
	}

	Optional<Account> findByPersonId(long personId) {
		return jdbc.sql("select * from account where person_id = :p").param("p", personId).query(AccountRepository::map)
			.optional();
	}

	Optional<Account> findById(long id) {
		return jdbc.sql("select * from account where id = :id").param("id", id).query(AccountRepository::map).optional();
	}

	long count() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}

	long insert(String username, String hash, String displayName, Long personId, boolean mustChange,
			OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, password_hash, display_name, person_id, enabled, failed_attempts,
				  must_change_password, created_at, version)
				values (:u, :h, :d, :p, true, 0, :m, :now, 0)""")
			.param("u", username).param("h", hash).param("d", displayName).param("p", personId)
			.param("m", mustChange).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	void bind(long accountId, String role, long orgId, OffsetDateTime now) {
		jdbc.sql("insert into role_binding (account_id, role, org_id, created_at) values (:a, :r, :o, :now)")
			.param("a", accountId).param("r", role).param("o", orgId).param("now", now).update();
	}

	/** Takes a role at an org away from an account. */
	void unbind(long accountId, String role, long orgId) {
		jdbc.sql("delete from role_binding where account_id = :a and role = :r and org_id = :o")
			.param("a", accountId).param("r", role).param("o", orgId).update();
	}

	boolean holds(long accountId, String role, long orgId) {
		return jdbc.sql("select count(*) from role_binding where account_id = :a and role = :r and org_id = :o")
			.param("a", accountId).param("r", role).param("o", orgId).query(Long.class).single() > 0;
	}

	/** The enabled accounts of a person, as id and username. */
	List<AdminHandover.Holder> enabledHoldersOf(long personId) {
		return jdbc.sql("select id, username from account where person_id = :p and enabled = true")
			.param("p", personId).query((rs, i) -> new AdminHandover.Holder(rs.getLong("id"), rs.getString("username")))
			.list();
	}

	/**
	 * Takes one of the password checks an account allows before it locks, atomically: the update
	 * holds the row until the transaction ends, so the count read back is this attempt's own number.
	 * Answers that number, or 0 when the account is locked or every allowed check is taken (then no
	 * password may be checked at all). Call inside a transaction.
	 */
	int reserveAttempt(long id, int max, OffsetDateTime now) {
		int taken = jdbc.sql("""
				update account set failed_attempts = failed_attempts + 1
				where id = :id and failed_attempts < :max and (locked_until is null or locked_until <= :now)""")
			.param("id", id).param("max", max).param("now", now).update();
		if (taken == 0) {
			return 0;
		}
		return jdbc.sql("select failed_attempts from account where id = :id").param("id", id).query(Integer.class)
			.single();
	}

	void lock(long id, OffsetDateTime until) {
		jdbc.sql("update account set locked_until = :until, failed_attempts = 0 where id = :id").param("until", until)
			.param("id", id).update();
	}

	/** Clears the failed attempts and lifts a lock. */
	void unlock(long id) {
		jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = :id").param("id", id)
			.update();
	}

	/** A new password ends a forced change and stamps when the credentials changed. */
	void setPassword(long id, String hash, OffsetDateTime now) {
		jdbc.sql("""
				update account set password_hash = :hash, must_change_password = false, credentials_changed_at = :now,
				  version = version + 1
				where id = :id""")
			.param("hash", hash).param("now", now).param("id", id)
			.update();
	}

	/**
	 * A right password gives back its own check and the failures counted before it; checks taken by
	 * guesses still in flight stay counted, and a lock is never lifted here (it ends with its time).
	 */
	void recordSuccess(long id, int attempt) {
		jdbc.sql("""
				update account set failed_attempts = case when failed_attempts > :n then failed_attempts - :n else 0 end
				where id = :id and failed_attempts <> 0""")
			.param("n", attempt).param("id", id).update();
	}

	record Binding(String role, long orgId, String orgName, String orgType, String orgPath, Long orgParentId) {
	}

	List<Binding> bindings(long accountId) {
		return jdbc.sql("""
				select b.role, o.id, o.name, o.type, o.path, o.parent_id
				from role_binding b join org o on o.id = b.org_id
				where b.account_id = :a and o.active = true
				order by b.id""")
			.param("a", accountId)
			.query((rs, i) -> {
				return new Binding(rs.getString("role"), rs.getLong("id"), rs.getString("name"), rs.getString("type"),
						rs.getString("path"), rs.getObject("parent_id", Long.class));
			})
			.list();
	}
}
