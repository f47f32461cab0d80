package org.quntuan.notice.forms;

import org.quntuan.platform.Coded;

/** What a field of a statistical form holds. */
enum FormFieldType implements Coded {
	INTEGER("整数"),
	DECIMAL("小数"),
	TEXT("文本"),
	CHOICE("单选"),
	DATE("日期");

	private final String label;

	FormFieldType(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	boolean numeric() {
		return this == INTEGER || this == DECIMAL;
	}
}
