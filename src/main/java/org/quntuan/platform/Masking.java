package org.quntuan.platform;

/** Masks personal numbers in lists: the first 3 and the last 4 characters stay. */
public final class Masking {

	private Masking() {
	}

	public static String keepHeadAndTail(String value) {
		if (value == null) {
			return null;
		}
		if (value.length() <= 7) {
			return "*".repeat(value.length());
		}
		return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
	}
}
