package org.quntuan.identity;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords per RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits), as
 * authenticator apps compute them; a code of the step before or after is accepted for clock skew.
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** 20 random bytes (160 bits, the HMAC-SHA1 block size RFC 4226 recommends), Base32 without padding. */
	static String newSecret() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return base32(bytes);
	}

	static boolean verify(String secret, String code, Instant now) {
		return matchingStep(secret, code, now) >= 0;
	}

	/** The time step whose code was given (within one step of now), or -1 for none. */
	static long matchingStep(String secret, String code, Instant now) {
		if (secret == null || code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
			return -1;
		}
		byte[] key = fromBase32(secret);
		byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
		long step = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
		long matched = -1;
		for (long s = step - 1; s <= step + 1; s++) {
			// constant time, and every window checked, so the timing tells nothing
			if (MessageDigest.isEqual(given, code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII))) {
				matched = s;
			}
		}
		return matched;
	}

	/** The code of one time step (RFC 4226 dynamic truncation). */
	static String code(byte[] key, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int modulo = (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", binary % modulo);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String uri(String issuer, String account, String secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String base32(byte[] bytes) {
		StringBuilder sb = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return sb.toString();
	}

	static byte[] fromBase32(String text) {
		String s = text.replace("=", "").replace(" ", "").toUpperCase();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : s.toCharArray()) {
			int v = BASE32.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("not Base32");
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}
