package org.quntuan.activity;

import org.quntuan.platform.Coded;

public enum ActivityStatus implements Coded {
	PUBLISHED("已发布"),
	CANCELLED("已取消");

	private final String label;

	ActivityStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
