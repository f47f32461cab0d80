package org.quntuan.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.identity.VerificationCodeRepository.Live;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
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

	/** The one answer to a wrong, spent, expired or missing code. */
	static final String WRONG_CODE_KEY = "identity.code.error.wrong";

	/** {@link #WRONG_CODE_KEY} in Chinese, for logs and tests. */
	static final String WRONG_CODE = Texts.chinese(WRONG_CODE_KEY);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final VerificationCodeRepository codes;

	private final Clock clock;

	VerificationCodes(VerificationCodeRepository codes, Clock clock) {
		this.codes = codes;
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
		codes.lockAccount(accountId);
		List<OffsetDateTime> recent = codes.issuedSince(accountId, purpose, now.minusHours(1));
		if (recent.size() >= MAX_PER_HOUR || (!recent.isEmpty() && recent.get(0).isAfter(now.minusMinutes(1)))) {
			throw new BusinessRuleException("identity.code.error.too-often");
		}
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		long id = codes.insert(accountId, purpose, hash(accountId, binding, code), now, now.plus(LIFETIME));
		return new Issued(id, code);
	}

	/**
	 * The id of the newest live code if the given one matches it. A wrong try is counted in a
	 * transaction of its own, so that it stays counted while the caller's work is refused.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = InvalidValueException.class)
	long check(long accountId, String purpose, String binding, String code) {
		Live live = codes.lockLive(accountId, purpose, OffsetDateTime.now(clock))
			.orElseThrow(() -> new InvalidValueException("code", WRONG_CODE_KEY));
		if (live.attempts() >= MAX_ATTEMPTS) {
			throw new InvalidValueException("code", WRONG_CODE_KEY);
		}
		String given = code == null ? "" : code.strip();
		if (!hash(accountId, binding, given).equals(live.hash())) {
			codes.countAttempt(live.id());
			throw new InvalidValueException("code", WRONG_CODE_KEY);
		}
		return live.id();
	}

	/** Spends a checked code inside the caller's transaction: of two racing uses, one wins. */
	void spend(long codeId) {
		if (!codes.spend(codeId, OffsetDateTime.now(clock))) {
			throw new ConflictException("identity.code.error.used");
		}
	}
}
