package org.quntuan.care.women;

import org.quntuan.platform.Coded;

/** Where a woman's screening sign-up stands: holding a place, waiting for one, or given back. */
enum SignupStatus implements Coded {
	CONFIRMED("已报名"),
	WAITING("候补"),
	CANCELLED("已取消");

	private final String label;

	SignupStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
