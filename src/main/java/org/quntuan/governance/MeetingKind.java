package org.quntuan.governance;

import org.quntuan.platform.Coded;

/** Kinds of meeting. */
public enum MeetingKind implements Coded {
	REGULAR("例会"), COMMITTEE("委员会会议"), TOPICAL("专题会议"), CONGRESS("会员（代表）大会"), OTHER("其他会议");

	private final String label;

	MeetingKind(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
