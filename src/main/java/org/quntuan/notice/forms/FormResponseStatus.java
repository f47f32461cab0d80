package org.quntuan.notice.forms;

import org.quntuan.platform.Coded;

/** Where one target org stands with a form. */
public enum FormResponseStatus implements Coded {
	NOT_STARTED("未填报"),
	DRAFT("草稿"),
	SUBMITTED("已提交"),
	RETURNED("已退回");

	private final String label;

	FormResponseStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	boolean editable() {
		return this != SUBMITTED;
	}
}
