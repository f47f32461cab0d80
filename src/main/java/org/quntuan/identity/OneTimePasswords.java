package org.quntuan.identity;

import java.security.SecureRandom;

/**
 * Passwords an admin hands over once: 18 characters of upper and lower case letters and digits
 * (no look-alikes such as 0/O, 1/l) after "Qt-", so they meet any policy of up to four classes.
 */
final class OneTimePasswords {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimePasswords() {
	}

	static String generate() {
		StringBuilder sb = new StringBuilder("Qt-");
		for (int i = 0; i < 14; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.append('9').toString();
	}
}
