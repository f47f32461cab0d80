package org.quntuan.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.quntuan.platform.Text;

/** Texts the learning features share. */
public final class LearningTexts {

	private LearningTexts() {
	}

	/**
	 * Names (tags, question numbers, column headers) as one list in the reader's language: 「甲、乙、丙」 in
	 * Chinese, "A, B, C" in English. The names themselves are shown as they are.
	 */
	public static Text list(Collection<?> items) {
		return list(items, "learning.list");
	}

	/** Sentences (each a {@link Text}) one after the other: 「甲；乙」 in Chinese, "A; B" in English. */
	public static Text sentences(Collection<? extends Text> items) {
		return list(items, "learning.list.sentences");
	}

	private static Text list(Collection<?> items, String pair) {
		List<Object> names = new ArrayList<>(items);
		if (names.isEmpty()) {
			return Text.verbatim("");
		}
		Text list = item(names.get(0));
		for (int i = 1; i < names.size(); i++) {
			list = Text.of(pair, list, item(names.get(i)));
		}
		return list;
	}

	private static Text item(Object item) {
		return item instanceof Text t ? t : Text.verbatim(String.valueOf(item));
	}
}
