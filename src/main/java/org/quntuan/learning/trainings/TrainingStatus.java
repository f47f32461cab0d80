package org.quntuan.learning.trainings;

import org.quntuan.platform.Coded;

/** A class takes nominations, then its list is confirmed by its organizer, then it is finished (结业). */
enum TrainingStatus implements Coded {
	NOMINATING("报名中"),
	CONFIRMED("名单已确认"),
	FINISHED("已结业");

	private final String label;

	TrainingStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
