package org.quntuan.learning.quizzes;

import org.quntuan.platform.Coded;

/** The kinds of question a bank holds; the label is what the import template's 题型 column says. */
public enum QuestionType implements Coded {
	SINGLE("单选"),
	MULTIPLE("多选"),
	TRUE_FALSE("判断");

	private final String label;

	QuestionType(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
