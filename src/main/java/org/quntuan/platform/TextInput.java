package org.quntuan.platform;

import java.text.Normalizer;

/**
 * The one place that decides what typed or pasted text may be stored. Everything is brought to
 * Unicode NFC (so the same name typed on two systems compares equal), full-width digits and Latin
 * letters become ASCII and the ideographic space a space; full-width punctuation such as （）stays:
 * it is correct in Chinese names. Two kinds of text:
 * <ul>
 * <li>{@link #name}: names and titles. One line of visible characters: line breaks, tabs, other
 * control characters, format characters (zero-width space and joiner, BOM, soft hyphen, the
 * right-to-left marks and overrides) and lone surrogates are <em>refused</em> with a Chinese message,
 * never silently dropped, so {@code 张\u200b三} cannot exist beside 张三 and be impossible to find.</li>
 * <li>{@link #text} (and {@link #normalize}): descriptions, reasons, bodies. Line breaks and tabs
 * stay ({@code \r\n} becomes {@code \n}); other control characters and the bidirectional embeddings,
 * overrides and isolates are <em>stripped</em>: they come in with text pasted from Word or web pages,
 * nobody sees them, and an override can make a text read differently from what it stores. A lone
 * surrogate (half of a character: a broken client) is refused by {@link #text}, dropped by
 * {@link #normalize}.</li>
 * </ul>
 */
public final class TextInput {

	static final String SINGLE_LINE = "platform.text.single-line";

	static final String INVISIBLE = "platform.text.invisible";

	static final String BROKEN = "platform.text.broken";

	static final String BLANK = "platform.text.blank";

	private TextInput() {
	}

	/** A long text, normalised; {@code null} when blank. Never refuses (search terms, imports): see the class comment. */
	public static String normalize(String value) {
		if (value == null) {
			return null;
		}
		String s = Normalizer.normalize(value, Normalizer.Form.NFC);
		StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\r') {
				// \r\n and a lone \r (old Mac, some Excel cells) are both one line break
				if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
					sb.append('\n');
				}
			}
			else if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
					sb.append(c).append(s.charAt(++i));
				}
			}
			else if (Character.isISOControl(c) && c != '\t' && c != '\n') {
				// invisible, and PostgreSQL refuses a NUL in text: a 500 for a pasted name otherwise
				continue;
			}
			else if (isBidiControl(c) || c == '\uFEFF') {
				continue;
			}
			else {
				sb.append(widthFolded(c));
			}
		}
		String out = sb.toString().strip();
		return out.isEmpty() ? null : out;
	}

	/**
	 * A long text as {@link #normalize}, but a lone surrogate is refused: what the client meant is lost,
	 * and PostgreSQL would store it as "?".
	 */
	public static String text(String field, String value) {
		if (value != null && hasLoneSurrogate(value)) {
			throw new InvalidValueException(field, BROKEN);
		}
		return normalize(value);
	}

	/**
	 * A name or a title: NFC, width-folded and trimmed, {@code null} when empty; refused with a Chinese
	 * message naming {@code field} when it is more than one line of visible characters.
	 */
	public static String name(String field, String value) {
		if (value == null) {
			return null;
		}
		Text problem = nameProblemText(value);
		if (problem != null) {
			throw new InvalidValueException(field, problem);
		}
		String s = Normalizer.normalize(value, Normalizer.Form.NFC);
		StringBuilder sb = new StringBuilder(s.length());
		s.chars().forEach(c -> sb.append(widthFolded((char) c)));
		String out = sb.toString().strip();
		return out.isEmpty() ? null : out;
	}

	/** Why a name or title cannot be stored; {@code null} when it can. */
	public static Text nameProblemText(String value) {
		boolean visible = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				visible |= !isInvisible(value.codePointAt(i));
				i++;
				continue;
			}
			if (Character.isSurrogate(c)) {
				return Text.of(BROKEN);
			}
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
				return Text.of(SINGLE_LINE);
			}
			if (type == Character.FORMAT) {
				return Text.of(INVISIBLE);
			}
			visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisible(c);
		}
		// only spaces: null from name(), and the caller's "请填写…" applies
		return visible || value.isBlank() ? null : Text.of(BLANK);
	}

	static boolean hasLoneSurrogate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/** Embeddings, overrides, isolates and the marks: they change the order in which a text is shown. */
	private static boolean isBidiControl(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
				|| c == '\u061C';
	}

	/** Letters that draw nothing (Hangul fillers, the braille blank) though Unicode does not call them format characters. */
	private static boolean isInvisible(int c) {
		return c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x2800 || c == 0x180E;
	}

	private static char widthFolded(char c) {
		if (c == '\u3000') {
			return ' ';
		}
		if ((c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')) {
			return (char) (c - 0xFEE0);
		}
		return c;
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
