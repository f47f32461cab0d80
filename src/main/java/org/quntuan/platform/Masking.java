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

	/** 张三 → 张*, 欧阳娜娜 → 欧**娜: the first and, for longer names, the last character. */
	public static String personName(String name) {
		if (name == null) {
			return null;
		}
		int[] cps = name.codePoints().toArray();
		if (cps.length <= 1) {
			return "*";
		}
		StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
		int hidden = cps.length <= 2 ? cps.length - 1 : cps.length - 2;
		sb.append("*".repeat(hidden));
		if (cps.length > 2) {
			sb.appendCodePoint(cps[cps.length - 1]);
		}
		return sb.toString();
	}

	/**
	 * A name that may be a whole mobile (an account's username, an audit actor): masked like a
	 * mobile when it is one, as it is otherwise.
	 */
	public static String ifMobile(String value) {
		return value != null && value.matches("1[3-9]\\d{9}") ? keepHeadAndTail(value) : value;
	}
}
