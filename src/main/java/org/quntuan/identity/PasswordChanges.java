package org.quntuan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
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
			throw new InvalidValueException("currentPassword", "当前密码不正确");
		}
		set(account, newPassword, "本人修改密码");
	}

	/** After a verified reset code: also lifts a lock, since the owner has proven who they are. */
	void reset(long accountId, String newPassword) {
		Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
		set(account, newPassword, "通过验证码重置密码");
		accounts.unlock(accountId);
	}

	private void set(Account account, String newPassword, String what) {
		try {
			policy.check(newPassword);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("newPassword", ex.getMessage());
		}
		if (encoder.matches(newPassword, account.passwordHash())) {
			throw new InvalidValueException("newPassword", "新密码不能与当前密码相同");
		}
		accounts.setPassword(account.id(), encoder.encode(newPassword), OffsetDateTime.now(clock));
		// a stolen token must not outlive the password it was issued for
		tokens.deleteAll(account.id());
		audit.recordIndependently(AuditType.UPDATE, account.id(), account.username(), "ACCOUNT", account.id(),
				AuditLog.SUCCESS, what + "（" + OffsetDateTime.now(clock).atZoneSameInstant(Zones.BUSINESS).toLocalDate() + "）", orgPaths.of(account));
	}
}
