package org.quntuan.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit one-time codes sent to a person: they last 10 minutes, work once, allow 5 tries, and an
 * account gets at most one a minute and 5 an hour per purpose. Only a hash of the account, what the
 * code is for (the new mobile, say) and the code is stored.
 */
@Component
class VerificationCodes {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	static final int MAX_ATTEMPTS = 5;

	static final int MAX_PER_HOUR = 5;

	static final String WRONG_CODE = "验证码不正确或已失效，请重新获取";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	VerificationCodes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static String hash(long accountId, String binding, String code) {
		return ApiTokens.hash(accountId + ":" + binding + ":" + code);
	}

	record Issued(long id, String code) {
	}

	/**
	 * A new code, or 422 when the account asked too often. The code is stored in a transaction of its
	 * own: it counts against the limit even when the caller's work is then refused.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Issued issue(long accountId, String purpose, String binding) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		// one request per account at a time, so that a burst cannot slip past the count
		jdbc.sql("select id from account where id = :a for update").param("a", accountId).query(Long.class).optional();
		List<OffsetDateTime> recent = jdbc.sql("""
				select created_at from verification_code
				where account_id = :a and purpose = :p and created_at > :since order by created_at desc""")
			.param("a", accountId).param("p", purpose).param("since", now.minusHours(1))
			.query(OffsetDateTime.class).list();
		if (recent.size() >= MAX_PER_HOUR || (!recent.isEmpty() && recent.get(0).isAfter(now.minusMinutes(1)))) {
			throw new BusinessRuleException("获取验证码过于频繁，请稍后再试");
		}
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into verification_code (account_id, purpose, code_hash, created_at, expires_at, attempts)
				values (:a, :p, :h, :now, :exp, 0)""")
			.param("a", accountId).param("p", purpose).param("h", hash(accountId, binding, code))
			.param("now", now).param("exp", now.plus(LIFETIME)).update(keys, "id");
		return new Issued(keys.getKey().longValue(), code);
	}

	/**
	 * The id of the newest live code if the given one matches it. A wrong try is counted in a
	 * transaction of its own, so that it stays counted while the caller's work is refused.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = InvalidValueException.class)
	long check(long accountId, String purpose, String binding, String code) {
		record Live(long id, String hash, int attempts) {
		}
		Live live = jdbc.sql("""
				select id, code_hash, attempts from verification_code
				where account_id = :a and purpose = :p and used_at is null and expires_at > :now
				order by created_at desc fetch first 1 rows only for update""")
			.param("a", accountId).param("p", purpose).param("now", OffsetDateTime.now(clock))
			.query((rs, i) -> new Live(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.optional()
			.orElseThrow(() -> new InvalidValueException("code", WRONG_CODE));
		if (live.attempts() >= MAX_ATTEMPTS) {
			throw new InvalidValueException("code", WRONG_CODE);
		}
		String given = code == null ? "" : code.strip();
		if (!hash(accountId, binding, given).equals(live.hash())) {
			jdbc.sql("update verification_code set attempts = attempts + 1 where id = :id").param("id", live.id()).update();
			throw new InvalidValueException("code", WRONG_CODE);
		}
		return live.id();
	}

	/** Spends a checked code inside the caller's transaction: of two racing uses, one wins. */
	void spend(long codeId) {
		int spent = jdbc.sql("update verification_code set used_at = :now where id = :id and used_at is null")
			.param("now", OffsetDateTime.now(clock)).param("id", codeId).update();
		if (spent == 0) {
			throw new ConflictException("验证码已被使用");
		}
	}
}
