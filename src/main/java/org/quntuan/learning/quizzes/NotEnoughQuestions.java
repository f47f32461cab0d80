package org.quntuan.learning.quizzes;

import org.quntuan.platform.BusinessRuleException;

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

	NotEnoughQuestions(String bankName, QuestionType type, String tag, int available, int requested, String advice) {
		super((bankName == null ? "题库" : "题库「" + bankName + "」") + "中只有 " + available + " 道"
				+ (tag == null ? "" : "标签为“" + tag + "”的") + type.label() + "题，不够每次抽取 " + requested + " 道" + advice);
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
