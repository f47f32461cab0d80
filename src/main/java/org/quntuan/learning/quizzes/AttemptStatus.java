package org.quntuan.learning.quizzes;

import org.quntuan.platform.Coded;

public enum AttemptStatus implements Coded {
	OPEN("答题中"),
	SUBMITTED("已交卷"),
	EXPIRED("超时收卷");

	private final String label;

	AttemptStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
