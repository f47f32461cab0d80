package org.quntuan.approval;

import org.quntuan.platform.Coded;

/** What an approver decides on a step. */
public enum Decision implements Coded {
	APPROVE("同意"),
	REJECT("不同意"),
	RETURN("退回修改");

	private final String label;

	Decision(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
