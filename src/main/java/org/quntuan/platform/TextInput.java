package org.quntuan.platform;

/**
 * Normalises what people type or paste: full-width digits and Latin letters become ASCII, the
 * ideographic space a space, control characters (NUL, BEL…; not tab and line breaks) are dropped, and
 * the ends are trimmed. Full-width punctuation such as （）stays:
 * it is correct in Chinese names.
 */
public final class TextInput {

	private TextInput() {
	}

	public static String normalize(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder sb = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			if (c == '\u3000') {
				sb.append(' ');
			}
			else if ((c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')) {
				sb.append((char) (c - 0xFEE0));
			}
			else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				// invisible, and PostgreSQL refuses a NUL in text: a 500 for a pasted name otherwise
				continue;
			}
			else {
				sb.append(c);
			}
		}
		String s = sb.toString().strip();
		return s.isEmpty() ? null : s;
	}

	/** Normalised, full-width symbols such as － and ＋ too, and every white space removed: for numbers. */
	public static String compact(String value) {
		String s = normalize(value);
		if (s == null) {
			return null;
		}
		StringBuilder sb = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			sb.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
		}
		return sb.toString().replaceAll("\\s+", "");
	}
}
