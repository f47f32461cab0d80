package org.quntuan.learning.trainings;

import org.quntuan.platform.Coded;

/** Who of the audience's orgs may be nominated. */
enum AudienceRule implements Coded {
	ANYONE("所选范围内人员"),
	/** The 主任 and 副主任 of a women's committee in office. */
	WOMEN_HEADS("妇委会（女工委）负责人"),
	/** People whose account holds the finance officer role. */
	FINANCE_OFFICERS("财务人员");

	private final String label;

	AudienceRule(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
