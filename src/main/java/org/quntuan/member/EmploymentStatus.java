package org.quntuan.member;

import org.quntuan.platform.Coded;

/** 在职状态 */
public enum EmploymentStatus implements Coded {
	IN_SERVICE("在职"),
	RETIRED("退休"),
	LEFT("调离");

	private final String label;

	EmploymentStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
