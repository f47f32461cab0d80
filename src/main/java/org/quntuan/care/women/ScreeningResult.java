package org.quntuan.care.women;

import org.quntuan.platform.Coded;

/** What the women's committee records after the screening: private to the woman, her committee and the federation. */
enum ScreeningResult implements Coded {
	NORMAL("未见异常"),
	FOLLOW_UP("需复查"),
	REFERRED("建议转诊");

	private final String label;

	ScreeningResult(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
