package org.quntuan.activity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.InvalidValueException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The token in the check-in QR code: its expiry and an HMAC-SHA256 over the activity id and that
 * expiry, keyed with the activity's own random secret. Short-lived, so a photo of the code passed
 * round after the event is useless; signed, so nobody makes one up. The secret is in the database,
 * so every node verifies what any node issued.
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
		long expires = now.plus(lifetime).toEpochSecond();
		return expires + "." + mac(a, expires);
	}

	void verify(ActivityRow a, String token, OffsetDateTime now) {
		InvalidValueException forged = new InvalidValueException("token", "签到二维码无效，请扫描活动现场的签到二维码");
		if (token == null || token.length() > 100) {
			throw forged;
		}
		int dot = token.indexOf('.');
		long expires;
		try {
			expires = Long.parseLong(token.substring(0, Math.max(dot, 0)));
		}
		catch (NumberFormatException ex) {
			throw forged;
		}
		byte[] expected = mac(a, expires).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given)) {
			throw forged;
		}
		if (now.toEpochSecond() > expires) {
			throw new BusinessRuleException("签到二维码已过期，请扫描现场最新的签到二维码");
		}
	}

	private static String mac(ActivityRow a, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(a.checkinSecret().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			byte[] sig = mac.doFinal((a.id() + ":" + expires).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
