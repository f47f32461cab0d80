package org.quntuan.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed tokens for QR codes shown at a door (check-in): the expiry and an HMAC-SHA256 over
 * the subject and that expiry, keyed with the subject's own random secret kept in the database, so
 * every node verifies what any node issued, a photo of the code is useless once it expires, and nobody
 * makes one up.
 */
public final class SignedTokens {

	public enum Check {
		VALID, FORGED, EXPIRED
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] CODE_CHARS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private SignedTokens() {
	}

	/** A new random secret for a subject (43 URL-safe characters). */
	public static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A random code of {@code length} capitals and digits without look-alikes (no 0/O, 1/I): 5 bits a
	 * character, 80 bits at 16, for a key read off paper or typed (a certificate's verification code).
	 */
	public static String newCode(int length) {
		char[] c = new char[length];
		for (int i = 0; i < c.length; i++) {
			c[i] = CODE_CHARS[RANDOM.nextInt(CODE_CHARS.length)];
		}
		return new String(c);
	}

	public static String issue(String subject, String secret, OffsetDateTime now, Duration lifetime) {
		long expires = now.plus(lifetime).toEpochSecond();
		return expires + "." + mac(subject, secret, expires);
	}

	public static Check verify(String subject, String secret, String token, OffsetDateTime now) {
		if (token == null || token.length() > 100) {
			return Check.FORGED;
		}
		int dot = token.indexOf('.');
		long expires;
		try {
			expires = Long.parseLong(token.substring(0, Math.max(dot, 0)));
		}
		catch (NumberFormatException ex) {
			return Check.FORGED;
		}
		byte[] expected = mac(subject, secret, expires).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given)) {
			return Check.FORGED;
		}
		return now.toEpochSecond() > expires ? Check.EXPIRED : Check.VALID;
	}

	private static String mac(String subject, String secret, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			byte[] sig = mac.doFinal((subject + ":" + expires).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
