package org.quntuan.learning.quizzes;

import java.util.List;

/**
 * A checked question, ready to store.
 *
 * @param options the options A, B, … in order (true/false: 对, 错)
 * @param answer the correct letters in alphabetical order (AC)
 * @param tags comma-separated, or null
 */
record QuestionValues(QuestionType type, String text, List<String> options, String answer, String explanation,
		int score, String tags) {

	static final List<String> TRUE_FALSE_OPTIONS = List.of("对", "错");
}
