package org.quntuan.learning.trainings;

import org.quntuan.platform.Coded;

/** What a class's quota counts: the trainees of one organ, or of one 片组. */
enum QuotaUnit implements Coded {
	ORGAN("每个单位"),
	GROUP("每个片组");

	private final String label;

	QuotaUnit(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
