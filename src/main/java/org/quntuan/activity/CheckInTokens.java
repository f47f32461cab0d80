package org.quntuan.activity;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.SignedTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The token in the check-in QR code ({@link SignedTokens}): signed with the activity's own random
 * secret over its id, short-lived, so a photo of the code passed round after the event is useless.
 */
@Component
class CheckInTokens {

	private final Duration lifetime;

	CheckInTokens(@Value("${quntuan.activity.check-in-token-lifetime:PT10M}") Duration lifetime) {
		this.lifetime = lifetime;
	}

	Duration lifetime() {
		return lifetime;
	}

	String issue(ActivityRow a, OffsetDateTime now) {
		return SignedTokens.issue(String.valueOf(a.id()), a.checkinSecret(), now, lifetime);
	}

	/** The check-out code's token: signed over another subject, so a check-in code never checks anyone out. */
	String issueCheckOut(ActivityRow a, OffsetDateTime now) {
		return SignedTokens.issue(a.id() + ":out", a.checkinSecret(), now, lifetime);
	}

	void verifyCheckOut(ActivityRow a, String token, OffsetDateTime now) {
		check(SignedTokens.verify(a.id() + ":out", a.checkinSecret(), token, now));
	}

	void verify(ActivityRow a, String token, OffsetDateTime now) {
		check(SignedTokens.verify(String.valueOf(a.id()), a.checkinSecret(), token, now));
	}

	private static void check(SignedTokens.Check verdict) {
		switch (verdict) {
			case FORGED -> throw new InvalidValueException("token", "activity.registration.error.token-invalid");
			case EXPIRED -> throw new BusinessRuleException("activity.registration.error.token-expired");
			case VALID -> {
			}
		}
	}
}
