package org.quntuan.member;

import org.quntuan.platform.Coded;

/** 工会会籍 */
public enum UnionStatus implements Coded {
	MEMBER("会员"),
	NOT_MEMBER("未入会"),
	LEFT("已退会"),
	/** 保留会籍: on retirement, a member keeps the membership without its everyday rights. */
	RETAINED("保留会籍");

	private final String label;

	UnionStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
