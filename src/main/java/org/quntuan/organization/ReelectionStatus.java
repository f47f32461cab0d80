package org.quntuan.organization;

import org.quntuan.platform.Coded;

/** Where a re-election stands; every step passes its approval, none is skipped. */
public enum ReelectionStatus implements Coded {
	REQUEST_PENDING("换届请示审批中"),
	REQUEST_RETURNED("换届请示退回修改"),
	REQUEST_REJECTED("换届请示未获批准"),
	WITHDRAWN("已撤回"),
	APPROVED("已批准换届，待选举"),
	RESULT_PENDING("选举结果审批中"),
	RESULT_RETURNED("选举结果退回修改"),
	COMPLETED("换届完成");

	private final String label;

	ReelectionStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** Under way: the org cannot file another re-election. */
	public boolean isOpen() {
		return this != REQUEST_REJECTED && this != WITHDRAWN && this != COMPLETED;
	}
}
