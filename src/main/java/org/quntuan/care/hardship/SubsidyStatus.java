package org.quntuan.care.hardship;

import org.quntuan.platform.Coded;

/** Where a subsidy application stands; APPROVED means paid into the journal. */
enum SubsidyStatus implements Coded {
	PENDING("审批中"),
	RETURNED("退回修改"),
	APPROVED("已发放"),
	REJECTED("未通过"),
	WITHDRAWN("已撤回");

	private final String label;

	SubsidyStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
