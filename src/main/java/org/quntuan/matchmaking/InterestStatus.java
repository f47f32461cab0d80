package org.quntuan.matchmaking;

import org.quntuan.platform.Coded;

/** An interest (心动) awaits its answer, is returned (a match) or declined. */
public enum InterestStatus implements Coded {
	PENDING("等待回应"),
	ACCEPTED("已互相心动"),
	DECLINED("已婉拒");

	private final String label;

	InterestStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
