package org.quntuan.care.hardship;

import org.quntuan.platform.Coded;

/** How hard a household is hit (困难等级); each level has its own yearly cap. */
enum HardshipLevel implements Coded {
	GENERAL("一般困难"),
	SEVERE("深度困难");

	private final String label;

	HardshipLevel(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
