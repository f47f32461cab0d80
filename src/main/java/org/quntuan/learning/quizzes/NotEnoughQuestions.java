package org.quntuan.learning.quizzes;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Text;

/**
 * A paper asks for more questions of a type (with the competition's tag, if it has one) than the bank holds:
 * a business rule (422) wherever it shows, when the competition is set up and when an attempt is drawn. The
 * API adds {@code questionType}, {@code tag}, {@code available} and {@code requested} to the problem.
 */
class NotEnoughQuestions extends BusinessRuleException {

	private final QuestionType type;

	private final String tag;

	private final int available;

	private final int requested;

	/** @param advice the key of what to do, e.g. {@code quiz.error.not-enough.contact} */
	NotEnoughQuestions(String bankName, QuestionType type, String tag, int available, int requested, String advice) {
		super(Text.of("quiz.error.not-enough",
				bankName == null ? Text.of("quiz.error.not-enough.bank") : Text.of("quiz.error.not-enough.bank-named", bankName),
				available, tag == null ? "" : Text.of("quiz.error.not-enough.tag", tag), type, requested, Text.of(advice)));
		this.type = type;
		this.tag = tag;
		this.available = available;
		this.requested = requested;
	}

	QuestionType type() {
		return type;
	}

	String tag() {
		return tag;
	}

	int available() {
		return available;
	}

	int requested() {
		return requested;
	}
}
