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

	/** One statement, so that concurrent failures are all counted. */
	int recordFailure(long id) {
		jdbc.sql("update account set failed_attempts = failed_attempts + 1 where id = :id").param("id", id).update();
		return jdbc.sql("select failed_attempts from account where id = :id").param("id", id).query(Integer.class)
			.single();
	}

	void lock(long id, OffsetDateTime until) {
		jdbc.sql("update account set locked_until = :until, failed_attempts = 0 where id = :id").param("until", until)
			.param("id", id).update();
	}

	/**
	 * Locks an account that is not locked at {@code now}; false when a concurrent failure locked it
	 * first, so that a burst of wrong passwords locks (and is logged as locking) once.
	 */
	boolean lockUnlessLocked(long id, OffsetDateTime now, OffsetDateTime until) {
		return jdbc.sql("""
				update account set locked_until = :until, failed_attempts = 0
				where id = :id and (locked_until is null or locked_until <= :now)""")
			.param("until", until).param("id", id).param("now", now).update() == 1;
	}

	void recordSuccess(long id) {
		jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = :id and (failed_attempts <> 0 or locked_until is not null)")
			.param("id", id).update();
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
