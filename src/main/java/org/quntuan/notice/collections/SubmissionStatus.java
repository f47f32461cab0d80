package org.quntuan.notice.collections;

import org.quntuan.platform.Coded;

/** Where a target org's submission stands: submitted, returned for rework, or accepted. */
public enum SubmissionStatus implements Coded {
	SUBMITTED("已报送"),
	RETURNED("已退回"),
	ACCEPTED("已通过");

	private final String label;

	SubmissionStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
