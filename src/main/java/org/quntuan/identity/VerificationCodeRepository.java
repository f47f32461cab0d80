package org.quntuan.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** One-time codes sent to a person, stored as hashes. */
@Repository
class VerificationCodeRepository {

	private final JdbcClient jdbc;

	VerificationCodeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Live(long id, String hash, int attempts) {
	}

	/** Locks the account's row until the transaction ends: its requests for codes queue up here. */
	void lockAccount(long accountId) {
		jdbc.sql("select id from account where id = :a for update").param("a", accountId).query(Long.class).optional();
	}

	/** When the account was sent codes for the purpose since the given time, newest first. */
	List<OffsetDateTime> issuedSince(long accountId, String purpose, OffsetDateTime since) {
		return jdbc.sql("""
				select created_at from verification_code
				where account_id = :a and purpose = :p and created_at > :since order by created_at desc""")
			.param("a", accountId).param("p", purpose).param("since", since)
			.query(OffsetDateTime.class).list();
	}

	long insert(long accountId, String purpose, String codeHash, OffsetDateTime now, OffsetDateTime expires) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into verification_code (account_id, purpose, code_hash, created_at, expires_at, attempts)
				values (:a, :p, :h, :now, :exp, 0)""")
			.param("a", accountId).param("p", purpose).param("h", codeHash)
			.param("now", now).param("exp", expires).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The newest unused, unexpired code for the purpose, its row locked until the transaction ends. */
	Optional<Live> lockLive(long accountId, String purpose, OffsetDateTime now) {
		return jdbc.sql("""
				select id, code_hash, attempts from verification_code
				where account_id = :a and purpose = :p and used_at is null and expires_at > :now
				order by created_at desc fetch first 1 rows only for update""")
			.param("a", accountId).param("p", purpose).param("now", now)
			.query((rs, i) -> new Live(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.optional();
	}

	void countAttempt(long codeId) {
		jdbc.sql("update verification_code set attempts = attempts + 1 where id = :id").param("id", codeId).update();
	}

	/** Marks the code used unless it already is; false when another use came first. */
	boolean spend(long codeId, OffsetDateTime now) {
		return jdbc.sql("update verification_code set used_at = :now where id = :id and used_at is null")
			.param("now", now).param("id", codeId).update() != 0;
	}
}
