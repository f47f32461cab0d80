package org.quntuan.matchmaking;

import org.quntuan.platform.Coded;

/** Where a profile stands in its review. */
public enum ProfileStatus implements Coded {
	PENDING("待审核"),
	APPROVED("已通过"),
	RETURNED("已退回");

	private final String label;

	ProfileStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
