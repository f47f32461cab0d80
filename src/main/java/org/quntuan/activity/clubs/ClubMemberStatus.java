package org.quntuan.activity.clubs;

import org.quntuan.platform.Coded;

/** Where a person stands with a club. */
public enum ClubMemberStatus implements Coded {
	PENDING("待审核"),
	APPROVED("已加入"),
	REJECTED("未通过"),
	LEFT("已退出");

	private final String label;

	ClubMemberStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
