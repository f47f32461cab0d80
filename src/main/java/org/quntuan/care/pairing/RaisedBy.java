package org.quntuan.care.pairing;

import org.quntuan.platform.Coded;

/** Which side of a pair raised a problem: the department or the community side. */
enum RaisedBy implements Coded {
	ORGAN("结对单位"),
	PARTNER("结对社区");

	private final String label;

	RaisedBy(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
