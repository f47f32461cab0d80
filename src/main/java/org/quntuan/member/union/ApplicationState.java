package org.quntuan.member.union;

import org.quntuan.platform.Coded;

/** Where an application to join the union stands. */
enum ApplicationState implements Coded {
	PENDING("待审核"),
	APPROVED("已通过"),
	REJECTED("未通过");

	private final String label;

	ApplicationState(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
