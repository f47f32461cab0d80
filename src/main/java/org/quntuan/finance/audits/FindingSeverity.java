package org.quntuan.finance.audits;

import java.util.Arrays;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;

/** How serious an audit finding is. */
enum FindingSeverity implements Coded {

	MINOR("一般"), MAJOR("较重"), SEVERE("严重");

	private final String label;

	FindingSeverity(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** By code (MINOR) or label (一般). */
	static FindingSeverity parse(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("severity", "finance.audit.error.severity-required");
		}
		String v = value.strip();
		return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(v) || s.label.equals(v)).findFirst()
			.orElseThrow(() -> new InvalidValueException("severity", Text.of("finance.audit.error.severity-invalid", v)));
	}
}
