package org.quntuan.governance.mailbox;

import org.quntuan.platform.Coded;

/** Where a letter stands: written, assigned to someone of the office, answered, rated by the writer. */
enum LetterStatus implements Coded {
	SUBMITTED("待办理"),
	ASSIGNED("办理中"),
	REPLIED("已答复"),
	RATED("已评价");

	private final String label;

	LetterStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	boolean open() {
		return this == SUBMITTED || this == ASSIGNED;
	}
}
