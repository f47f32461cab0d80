package org.quntuan.finance.expenses;

import org.quntuan.platform.Coded;

/** Where an expense stands; it follows its approval. */
enum ExpenseStatus implements Coded {
	PENDING("审批中"),
	RETURNED("退回修改"),
	APPROVED("已通过"),
	REJECTED("未通过"),
	WITHDRAWN("已撤回");

	private final String label;

	ExpenseStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** Still waiting for a decision: the applicant may withdraw it. */
	public boolean isOpen() {
		return this == PENDING || this == RETURNED;
	}
}
