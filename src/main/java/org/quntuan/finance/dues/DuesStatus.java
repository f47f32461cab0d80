package org.quntuan.finance.dues;

import org.quntuan.platform.Coded;

/** A dues sheet is drafted (lines adjustable), confirmed (frozen), then posted to the journal. */
enum DuesStatus implements Coded {
	DRAFT("草稿"), CONFIRMED("已确认"), POSTED("已入账");

	private final String label;

	DuesStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
