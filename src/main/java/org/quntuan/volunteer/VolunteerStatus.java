package org.quntuan.volunteer;

import org.quntuan.platform.Coded;

/** Where a registration stands; LEFT and REJECTED may register again, which keeps the history. */
enum VolunteerStatus implements Coded {
	PENDING("待审核"),
	APPROVED("已通过"),
	REJECTED("未通过"),
	LEFT("已退出");

	private final String label;

	VolunteerStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** A registration that stands: asked again, the caller gets it back instead of a new one. */
	boolean standing() {
		return this == PENDING || this == APPROVED;
	}
}
