package org.quntuan.learning.trainings;

import org.quntuan.platform.Coded;

/** How a session is taught. */
enum SessionForm implements Coded {
	LECTURE("专题讲座"),
	FIELD("现场教学"),
	CASE("案例分析"),
	OUTWARD("拓展训练");

	private final String label;

	SessionForm(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
