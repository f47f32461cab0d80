package org.quntuan.approval;

import org.quntuan.platform.Coded;

/** The state of an approval as a whole. */
public enum ApprovalStatus implements Coded {
	IN_PROGRESS("审批中"),
	RETURNED("退回修改"),
	APPROVED("已通过"),
	REJECTED("未通过"),
	WITHDRAWN("已撤回");

	private final String label;

	ApprovalStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	public boolean isFinal() {
		return this == APPROVED || this == REJECTED || this == WITHDRAWN;
	}
}
