package org.quntuan.care.pairing;

import java.util.List;
import java.util.Map;

import org.quntuan.platform.Coded;

/**
 * Where a pair's problem stands: 提出 → 受理 → 协调中 → 已解决 or 无法解决, one step at a time and never back,
 * each step with a note.
 */
enum ProblemStatus implements Coded {
	RAISED("提出"),
	ACCEPTED("受理"),
	COORDINATING("协调中"),
	SOLVED("已解决"),
	UNSOLVABLE("无法解决");

	static final List<ProblemStatus> OPEN = List.of(RAISED, ACCEPTED, COORDINATING);

	private static final Map<ProblemStatus, List<ProblemStatus>> NEXT = Map.of(RAISED, List.of(ACCEPTED), ACCEPTED,
			List.of(COORDINATING), COORDINATING, List.of(SOLVED, UNSOLVABLE), SOLVED, List.of(), UNSOLVABLE, List.of());

	private final String label;

	ProblemStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	boolean open() {
		return OPEN.contains(this);
	}

	/** The statuses this one may move to next. */
	List<ProblemStatus> next() {
		return NEXT.get(this);
	}
}
