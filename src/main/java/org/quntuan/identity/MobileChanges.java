package org.quntuan.identity;

import java.util.List;

import org.quntuan.member.MemberManagement;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.MobileNumber;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person changes their own mobile: a code goes to the new number, and only that code changes it. */
@Service
class MobileChanges {

	static final String PURPOSE = "MOBILE_CHANGE";

	private final VerificationCodes codes;

	private final MemberManagement members;

	private final Notifications notifications;

	private final AccountRepository accounts;

	private final PasswordEncoder encoder;

	MobileChanges(VerificationCodes codes, MemberManagement members, Notifications notifications,
			AccountRepository accounts, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.codes = codes;
		this.members = members;
		this.notifications = notifications;
	}

	/** @return the normalised new number the code went to */
	@Transactional
	String sendCode(CurrentUser user, String currentPassword, String rawMobile) {
		long person = requirePerson(user);
		// a borrowed session must not be enough to move the account to another phone
		String hash = accounts.findById(user.accountId()).orElseThrow().passwordHash();
		if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
			throw new InvalidValueException("currentPassword", "identity.password.error.current-wrong");
		}
		String mobile = MobileNumber.parse(rawMobile).value();
		// the rate limit first: whether a number is taken is told at most 5 times an hour
		VerificationCodes.Issued issued = codes.issue(user.accountId(), PURPOSE, mobile);
		members.checkOwnNewMobile(person, mobile);
		notifications.send(NotificationRequest
			.of("verification-code:" + issued.id(), "mobile-code", List.of(user.accountId()), issued.code(),
					String.valueOf(VerificationCodes.LIFETIME.toMinutes()))
			.via(Channel.SMS)
			.toMobile(mobile)
			.confidential());
		return mobile;
	}

	@Transactional
	void confirm(CurrentUser user, String rawMobile, String code) {
		long person = requirePerson(user);
		String mobile = members.checkOwnNewMobile(person, rawMobile);
		long codeId = codes.check(user.accountId(), PURPOSE, mobile, code);
		members.changeOwnMobile(person, mobile);
		codes.spend(codeId);
	}

	private static long requirePerson(CurrentUser user) {
		if (user.personId() == null) {
			throw new BusinessRuleException("identity.mobile.error.no-person");
		}
		return user.personId();
	}
}
