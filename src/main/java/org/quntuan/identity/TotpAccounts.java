package org.quntuan.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The TOTP second factor of accounts: enrolment, and checking a code at sign-in. Wrong codes are
 * counted apart from wrong passwords; as many as the password limit lock the account.
 */
@Service
@EnableConfigurationProperties(TotpSettings.class)
class TotpAccounts {

	private final TotpRepository totp;

	private final AccountRepository accounts;

	private final SecuritySettings settings;

	private final AuditLog audit;

	private final SignInOrgPath orgPaths;

	private final Clock clock;

	TotpAccounts(TotpRepository totp, AccountRepository accounts, SecuritySettings settings, AuditLog audit, Clock clock,
		SignInOrgPath orgPaths) {
		this.orgPaths = orgPaths;
		this.totp = totp;
		this.accounts = accounts;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	Optional<String> secretOf(long accountId) {
		return totp.secretOf(accountId);
	}

	boolean enrolled(long accountId) {
		return secretOf(accountId).isPresent();
	}

	/** Stores the secret once the user has shown, with a first code, that their app has it. */
	void enrol(long accountId, String username, String secret, String code) {
		long step = Totp.matchingStep(secret, code, Instant.now(clock));
		if (step < 0) {
			throw new InvalidValueException("code", "identity.totp.error.wrong-enrol");
		}
		totp.enrol(accountId, secret, step);
		audit.recordIndependently(AuditType.UPDATE, accountId, username, "ACCOUNT", accountId, AuditLog.SUCCESS,
				Texts.chinese("identity.totp.audit.enabled"), orgPaths.ofAccount(accountId));
	}

	/**
	 * True for the right code, once: a code already used (or an older one) is refused, so that one seen
	 * over a shoulder cannot be replayed within its window. A wrong one is counted and locks the
	 * account at the limit.
	 */
	boolean check(long accountId, String username, String code) {
		String secret = secretOf(accountId).orElse(null);
		long step = secret == null ? -1 : Totp.matchingStep(secret, code, Instant.now(clock));
		boolean fresh = step >= 0 && totp.useStep(accountId, step);
		if (fresh) {
			totp.clearFailures(accountId);
			return true;
		}
		int failures = totp.countFailure(accountId);
		String reason = Texts.chinese("identity.totp.audit.wrong", failures);
		if (failures >= settings.maxFailedAttempts()) {
			accounts.lock(accountId, OffsetDateTime.now(clock).plus(settings.lockDuration()));
			totp.resetFailures(accountId);
			reason = Texts.chinese("identity.totp.audit.wrong-locked", failures);
		}
		audit.recordIndependently(AuditType.LOGIN_FAILURE, accountId, username, "ACCOUNT", accountId, AuditLog.FAILURE,
				reason, orgPaths.ofAccount(accountId));
		return false;
	}
}
