package org.quntuan.member;

import org.quntuan.platform.Coded;

/** 政治面貌 */
public enum PoliticalStatus implements Coded {
	CPC_MEMBER("中共党员"),
	CPC_PROBATIONARY("中共预备党员"),
	LEAGUE_MEMBER("共青团员"),
	DEMOCRATIC_PARTY("民主党派"),
	MASSES("群众");

	private final String label;

	PoliticalStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
