package org.quntuan.volunteer;

import org.quntuan.platform.Coded;

/** The two kinds of ledger entries: hours a volunteer reports, and a correction of verified hours. */
enum EntryKind implements Coded {
	CLAIM("时长申报"),
	ADJUSTMENT("时长调整");

	private final String label;

	EntryKind(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
