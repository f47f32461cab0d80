package org.quntuan.platform;

import java.util.Map;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin of a Chinese name, stored beside it for search ("zhangsan", "zs") and sorting. Chinese
 * collation differs between databases; a stored column sorts the same everywhere.
 */
public final class Pinyin {

	/** Surnames read differently from the character's first reading. */
	private static final Map<Character, String> SURNAMES = Map.ofEntries(Map.entry('曾', "zeng"),
			Map.entry('单', "shan"), Map.entry('解', "xie"), Map.entry('仇', "qiu"), Map.entry('朴', "piao"),
			Map.entry('区', "ou"), Map.entry('查', "zha"), Map.entry('乐', "yue"), Map.entry('盖', "ge"),
			Map.entry('覃', "qin"), Map.entry('翟', "zhai"), Map.entry('缪', "miao"), Map.entry('华', "hua"),
			Map.entry('沈', "shen"), Map.entry('重', "chong"), Map.entry('长', "chang"), Map.entry('秘', "bi"));

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private Pinyin() {
	}

	/** Syllables of each character, non-Chinese characters kept as lower-case text. */
	private static String[] syllables(String text, boolean personName) {
		String[] out = new String[text.length()];
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (i == 0 && personName && SURNAMES.containsKey(c)) {
				out[i] = SURNAMES.get(c);
				continue;
			}
			String[] readings = null;
			try {
				readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			}
			catch (BadHanyuPinyinOutputFormatCombination ex) {
				throw new IllegalStateException(ex);
			}
			out[i] = (readings == null || readings.length == 0) ? String.valueOf(Character.toLowerCase(c))
					: readings[0];
		}
		return out;
	}

	public static String full(String text, boolean personName) {
		return String.join("", syllables(text == null ? "" : text.replaceAll("\\s+", ""), personName));
	}

	public static String initials(String text, boolean personName) {
		StringBuilder sb = new StringBuilder();
		for (String s : syllables(text == null ? "" : text.replaceAll("\\s+", ""), personName)) {
			if (!s.isEmpty()) {
				sb.append(s.charAt(0));
			}
		}
		return sb.toString();
	}
}
