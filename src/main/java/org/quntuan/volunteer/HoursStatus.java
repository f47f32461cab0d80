package org.quntuan.volunteer;

import org.quntuan.platform.Coded;

/** A claim of hours: waiting for its check, verified (it counts), or rejected (it never counts). */
enum HoursStatus implements Coded {
	PENDING("待核实"),
	VERIFIED("已核实"),
	REJECTED("未通过");

	private final String label;

	HoursStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
