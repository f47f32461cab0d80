package org.quntuan.governance.votes;

import java.time.OffsetDateTime;

import org.quntuan.platform.Coded;

/** Where a vote's window stands. */
enum VoteState implements Coded {
	UPCOMING("未开始"),
	OPEN("投票中"),
	CLOSED("已结束");

	private final String label;

	VoteState(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	static VoteState at(OffsetDateTime now, OffsetDateTime opensAt, OffsetDateTime closesAt) {
		return now.isBefore(opensAt) ? UPCOMING : now.isBefore(closesAt) ? OPEN : CLOSED;
	}
}
