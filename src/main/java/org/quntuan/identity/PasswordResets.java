package org.quntuan.identity;

import java.util.List;
import java.util.Optional;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password": a code goes to the person's mobile (and e-mail) through the notification
 * channels, and with it a new password can be set. Whether the account exists is never revealed.
 */
@Service
class PasswordResets {

	static final String PURPOSE = "PASSWORD_RESET";

	private final AccountAuthenticator authenticator;

	private final PasswordChanges changes;

	private final VerificationCodes codes;

	private final Notifications notifications;

	private final AuditLog audit;

	private final SignInOrgPath orgPaths;

	private final ResetCodeSender sender;

	private final TransactionTemplate transactions;

	PasswordResets(AccountAuthenticator authenticator, PasswordChanges changes, VerificationCodes codes,
			Notifications notifications, AuditLog audit, SignInOrgPath orgPaths, ResetCodeSender sender,
			PlatformTransactionManager transactionManager) {
		this.sender = sender;
		this.transactions = new TransactionTemplate(transactionManager);
		this.orgPaths = orgPaths;
		this.authenticator = authenticator;
		this.changes = changes;
		this.codes = codes;
		this.notifications = notifications;
		this.audit = audit;
	}

	/**
	 * Sends a code if the account exists and may get one now; says nothing either way, and answers in
	 * the same time either way: the work is done after the answer ({@link ResetCodeSender}).
	 */
	public void sendCode(String login) {
		sender.submit(() -> transactions.executeWithoutResult(tx -> issueAndSend(login)));
	}

	private void issueAndSend(String login) {
		Optional<Account> found = authenticator.find(login);
		if (found.isEmpty() || !found.get().enabled()) {
			return;
		}
		long account = found.get().id();
		VerificationCodes.Issued issued;
		try {
			issued = codes.issue(account, PURPOSE, "");
		}
		catch (BusinessRuleException tooOften) {
			// the same answer as for an unknown account: the limit must not tell who exists
			return;
		}
		notifications.send(NotificationRequest
			.of("verification-code:" + issued.id(), "verification-code", List.of(account), issued.code(),
					String.valueOf(VerificationCodes.LIFETIME.toMinutes()))
			.via(Channel.SMS, Channel.EMAIL)
			.confidential());
	}

	@Transactional
	public void reset(String login, String code, String newPassword) {
		Account account = authenticator.find(login).filter(Account::enabled)
			.orElseThrow(() -> new InvalidValueException("code", VerificationCodes.WRONG_CODE_KEY));
		long codeId;
		try {
			codeId = codes.check(account.id(), PURPOSE, "", code);
		}
		catch (InvalidValueException wrong) {
			audit.recordIndependently(AuditType.LOGIN_FAILURE, account.id(), account.username(), "ACCOUNT",
					account.id(), AuditLog.FAILURE, Texts.chinese("identity.password-reset.audit.wrong-code"),
					orgPaths.of(account));
			throw wrong;
		}
		changes.reset(account.id(), newPassword);
		codes.spend(codeId);
	}
}
