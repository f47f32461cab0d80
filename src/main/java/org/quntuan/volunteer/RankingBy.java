package org.quntuan.volunteer;

import org.quntuan.platform.Coded;

/** What a ranking ranks. */
enum RankingBy implements Coded {
	PERSON("个人"),
	TEAM("队伍"),
	ORG("单位");

	private final String label;

	RankingBy(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
