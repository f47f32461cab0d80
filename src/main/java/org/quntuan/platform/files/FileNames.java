package org.quntuan.platform.files;

import java.text.Normalizer;

import org.quntuan.platform.Texts;

/**
 * Makes an uploaded file's name safe to keep and to offer again on download: no directories, no
 * control or bidi-override characters (which can disguise "exe.pdf"), no characters Windows refuses;
 * Chinese and other letters stay.
 */
final class FileNames {

	static final int MAX_LENGTH = 200;

	static final String UNNAMED = Texts.chinese("platform.file.unnamed");

	private FileNames() {
	}

	static String sanitize(String name) {
		if (name == null) {
			return UNNAMED;
		}
		String n = Normalizer.normalize(name, Normalizer.Form.NFC);
		int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
		n = n.substring(cut + 1);
		StringBuilder sb = new StringBuilder(n.length());
		n.codePoints().forEach(cp -> {
			int type = Character.getType(cp);
			if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.UNASSIGNED
					|| type == Character.PRIVATE_USE || type == Character.SURROGATE) {
				return;
			}
			if ("<>:\"|?*".indexOf(cp) >= 0) {
				sb.append('_');
			}
			else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				sb.append(' ');
			}
			else {
				sb.appendCodePoint(cp);
			}
		});
		String s = sb.toString().strip();
		// leading dots make hidden files or "..": never a useful part of a name
		while (s.startsWith(".")) {
			s = s.substring(1);
		}
		s = s.strip();
		if (s.isEmpty()) {
			return UNNAMED;
		}
		return shorten(s);
	}

	/** Keeps the extension when a name is too long. */
	private static String shorten(String s) {
		if (s.codePointCount(0, s.length()) <= MAX_LENGTH) {
			return s;
		}
		int dot = s.lastIndexOf('.');
		String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
		String stem = ext.isEmpty() ? s : s.substring(0, dot);
		int keep = MAX_LENGTH - ext.length();
		return stem.substring(0, stem.offsetByCodePoints(0, keep)) + ext;
	}
}
