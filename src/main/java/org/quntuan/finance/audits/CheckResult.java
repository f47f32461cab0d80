package org.quntuan.finance.audits;

import java.util.Arrays;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;

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
			throw new InvalidValueException("result", "finance.audit.error.check-result-required");
		}
		String v = value.strip();
		return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(v) || r.label.equals(v)).findFirst()
			.orElseThrow(() -> new InvalidValueException("result", Text.of("finance.audit.error.check-result-invalid", v)));
	}
}
