package org.quntuan.governance;

import org.quntuan.platform.Coded;

/** How an invitee attended a meeting. */
public enum Attendance implements Coded {
	PRESENT("出席"), ABSENT("缺席"), EXCUSED("请假");

	private final String label;

	Attendance(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
