package org.quntuan.volunteer;

import org.quntuan.platform.Coded;

/** The steps of a registration's history. */
enum EventKind implements Coded {
	REGISTERED("报名"),
	APPROVED("已通过"),
	REJECTED("未通过"),
	LEFT("已退出"),
	REJOINED("重新报名");

	private final String label;

	EventKind(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
