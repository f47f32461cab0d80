package org.quntuan.finance.audits;

import java.util.Arrays;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;

/** The auditor's verdict on one checklist item. */
enum CheckResult implements Coded {

	OK("符合要求"), ISSUE("存在问题"), NA("不适用");

	private final String label;

	CheckResult(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	static CheckResult parse(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("result", "请选择检查结果（符合要求、存在问题或不适用）");
		}
		String v = value.strip();
		return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(v) || r.label.equals(v)).findFirst()
			.orElseThrow(() -> new InvalidValueException("result", "检查结果“" + v + "”无效，应为 OK、ISSUE 或 NA"));
	}
}
