package org.quntuan.care.recuperation;

import java.util.List;

import org.quntuan.platform.Coded;

/**
 * Where a nomination stands. NOMINATED and CONFIRMED hold one of the organ's places (ATTENDED and
 * ABSENT held one), WAITING is on the organ's wait list, DECLINED and WITHDRAWN gave their place back.
 */
enum NominationStatus implements Coded {
	NOMINATED("待本人确认"),
	CONFIRMED("已确认"),
	WAITING("候补"),
	DECLINED("已谢绝"),
	WITHDRAWN("已撤回"),
	ATTENDED("已参加"),
	ABSENT("未参加");

	/** The statuses that take one of the organ's places. */
	static final List<NominationStatus> HOLDING = List.of(NOMINATED, CONFIRMED, ATTENDED, ABSENT);

	private final String label;

	NominationStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	boolean holdsPlace() {
		return HOLDING.contains(this);
	}

	/** Open: the person is taken by this batch (a place or the wait list) and cannot be nominated elsewhere. */
	boolean open() {
		return this == NOMINATED || this == CONFIRMED || this == WAITING;
	}
}
