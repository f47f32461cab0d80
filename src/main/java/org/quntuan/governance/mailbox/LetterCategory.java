package org.quntuan.governance.mailbox;

import org.quntuan.platform.Coded;

/** What a letter to the chair is about. */
enum LetterCategory implements Coded {
	RIGHTS("权益维护"),
	WELFARE("福利待遇"),
	WORK("工作环境"),
	SUGGESTION("意见建议"),
	COMPLAINT("投诉反映"),
	OTHER("其他事项");

	private final String label;

	LetterCategory(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
