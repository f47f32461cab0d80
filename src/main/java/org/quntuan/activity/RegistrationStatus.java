package org.quntuan.activity;

import org.quntuan.platform.Coded;

/** Where a registration stands. CONFIRMED and PENDING hold a seat; WAITLISTED waits for one. */
public enum RegistrationStatus implements Coded {
	CONFIRMED("已确认"),
	PENDING("待审核"),
	WAITLISTED("候补"),
	CANCELLED("已取消"),
	REJECTED("未通过");

	private final String label;

	RegistrationStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	public boolean holdsSeat() {
		return this == CONFIRMED || this == PENDING;
	}

	/** Still in the game: holding a seat or waiting for one. */
	public boolean active() {
		return holdsSeat() || this == WAITLISTED;
	}
}
