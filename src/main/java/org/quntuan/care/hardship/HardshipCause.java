package org.quntuan.care.hardship;

import org.quntuan.platform.Coded;

/** A cause of hardship (困难原因); an entry names one or more. */
enum HardshipCause implements Coded {
	ILLNESS("因病"),
	DISABILITY("因残"),
	DISASTER("因灾"),
	SCHOOLING("子女就学"),
	SINGLE_PARENT("单亲"),
	OTHER("其他");

	private final String label;

	HardshipCause(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
