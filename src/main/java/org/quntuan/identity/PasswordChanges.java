package org.quntuan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets a new password: by its owner, who knows the current one, or after a verified reset code.
 * The new password must meet the policy and differ from the current one; a forced change ends here.
 */
@Service
@Transactional
class PasswordChanges {

	private final AccountRepository accounts;

	private final ApiTokenRepository tokens;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	private final SignInOrgPath orgPaths;

	private final Clock clock;

	PasswordChanges(AccountRepository accounts, ApiTokenRepository tokens, PasswordEncoder encoder, PasswordPolicy policy,
			AuditLog audit, Clock clock, SignInOrgPath orgPaths) {
		this.orgPaths = orgPaths;
		this.accounts = accounts;
		this.tokens = tokens;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	/** By the owner: the current password is checked first. */
	void change(long accountId, String currentPassword, String newPassword) {
		Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
		if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
			throw new InvalidValueException("currentPassword", "identity.password.error.current-wrong");
		}
		set(account, newPassword, "identity.password.audit.changed");
	}

	/** After a verified reset code: also lifts a lock, since the owner has proven who they are. */
	void reset(long accountId, String newPassword) {
		Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
		set(account, newPassword, "identity.password.audit.reset");
		accounts.unlock(accountId);
	}

	/** {@code whatKey}: the audit text, with the date as {0}. */
	private void set(Account account, String newPassword, String whatKey) {
		try {
			policy.check(newPassword);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("newPassword", ex.text());
		}
		if (encoder.matches(newPassword, account.passwordHash())) {
			throw new InvalidValueException("newPassword", "identity.password.error.same-as-current");
		}
		accounts.setPassword(account.id(), encoder.encode(newPassword), OffsetDateTime.now(clock));
		// a stolen token must not outlive the password it was issued for
		tokens.deleteAll(account.id());
		audit.recordIndependently(AuditType.UPDATE, account.id(), account.username(), "ACCOUNT", account.id(),
				AuditLog.SUCCESS, Texts.chinese(whatKey,
						OffsetDateTime.now(clock).atZoneSameInstant(Zones.BUSINESS).toLocalDate().toString()),
				orgPaths.of(account));
	}
}
