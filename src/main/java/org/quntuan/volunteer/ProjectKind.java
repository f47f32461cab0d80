package org.quntuan.volunteer;

import org.quntuan.platform.Coded;

/** A standing project (with a partner community and a leader) or a yearly campaign on its day. */
enum ProjectKind implements Coded {
	PROJECT("常设项目"),
	CAMPAIGN("主题活动");

	private final String label;

	ProjectKind(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
