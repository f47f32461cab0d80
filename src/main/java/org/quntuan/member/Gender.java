package org.quntuan.member;

import org.quntuan.platform.Coded;

/** 性别 */
public enum Gender implements Coded {
	MALE("男"),
	FEMALE("女");

	private final String label;

	Gender(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
