package org.quntuan.activity;

import org.quntuan.platform.Coded;

/** 活动类型 */
public enum ActivityType implements Coded {
	SPORTS_CULTURE("文体"),
	LECTURE("讲座"),
	/** 学习论坛 and the like; its check-ins count in the study record, as a lecture's do. */
	FORUM("论坛"),
	MIXER("联谊"),
	THEME_PRACTICE("主题实践"),
	CONDOLENCE("慰问"),
	VOLUNTEER("志愿"),
	TRAINING("培训"),
	OTHER("其他");

	private final String label;

	ActivityType(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
