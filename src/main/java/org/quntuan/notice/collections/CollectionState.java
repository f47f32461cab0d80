package org.quntuan.notice.collections;

import java.time.OffsetDateTime;

import org.quntuan.platform.Coded;

/** A target's row in the live status table of a collection task. */
public enum CollectionState implements Coded {
	NOT_STARTED("未报送"),
	SUBMITTED("已报送"),
	RETURNED("已退回"),
	ACCEPTED("已通过"),
	OVERDUE("已逾期");

	private final String label;

	CollectionState(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	static CollectionState of(SubmissionStatus status, OffsetDateTime deadline, OffsetDateTime now) {
		if (status == null) {
			return now.isAfter(deadline) ? OVERDUE : NOT_STARTED;
		}
		return switch (status) {
			case SUBMITTED -> SUBMITTED;
			case RETURNED -> RETURNED;
			case ACCEPTED -> ACCEPTED;
		};
	}
}
