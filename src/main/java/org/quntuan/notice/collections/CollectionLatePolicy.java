package org.quntuan.notice.collections;

import org.quntuan.platform.Coded;

/** What happens to an upload after a collection task's deadline. */
public enum CollectionLatePolicy implements Coded {
	ALLOW_LATE_MARKED("逾期可报送，标记为逾期"),
	REFUSE_LATE("逾期不再接收");

	private final String label;

	CollectionLatePolicy(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
