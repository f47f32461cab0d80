package org.quntuan.matchmaking;

import org.quntuan.platform.Coded;

/** 学历, in rising order: a preference names the least it looks for. */
public enum Education implements Coded {
	HIGH_SCHOOL("高中及以下"),
	COLLEGE("大专"),
	BACHELOR("本科"),
	MASTER("硕士"),
	DOCTOR("博士");

	private final String label;

	Education(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	boolean atLeast(Education least) {
		return least == null || compareTo(least) >= 0;
	}
}
