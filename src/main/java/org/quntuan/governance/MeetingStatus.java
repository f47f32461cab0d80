package org.quntuan.governance;

import org.quntuan.platform.Coded;

/** Whether a meeting takes place; held-ness follows from its time, publication from its minutes. */
public enum MeetingStatus implements Coded {
	SCHEDULED("已安排"), CANCELLED("已取消");

	private final String label;

	MeetingStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
