package org.quntuan.finance.audits;

import org.quntuan.platform.Coded;

/** A finding waits for the union (OPEN), then for the auditor (RESPONDED), until accepted (CLOSED). */
enum FindingStatus implements Coded {

	OPEN("待整改"), RESPONDED("已反馈，待审核"), CLOSED("已销号");

	private final String label;

	FindingStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
