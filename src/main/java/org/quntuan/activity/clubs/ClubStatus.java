package org.quntuan.activity.clubs;

import org.quntuan.platform.Coded;

public enum ClubStatus implements Coded {
	ACTIVE("活跃"),
	MERGED("已合并");

	private final String label;

	ClubStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
