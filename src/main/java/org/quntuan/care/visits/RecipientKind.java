package org.quntuan.care.visits;

import org.quntuan.platform.Coded;

/** The kinds of people a visit plan reaches, each with its own standard. */
enum RecipientKind implements Coded {
	MODEL_WORKER("劳模"),
	UNION_CADRE("机关工会干部"),
	HARDSHIP("困难会员"),
	SICK("患病住院"),
	RETIRED("退休老同志"),
	OTHER("其他");

	private final String label;

	RecipientKind(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
