package org.quntuan.volunteer;

import org.quntuan.platform.Coded;

/** Star levels by verified hours (the thresholds are {@link VolunteerSettings#starHours()}). */
enum StarLevel implements Coded {
	ONE("一星志愿者"),
	TWO("二星志愿者"),
	THREE("三星志愿者"),
	FOUR("四星志愿者"),
	FIVE("五星志愿者");

	private final String label;

	StarLevel(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
