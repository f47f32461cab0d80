package org.quntuan.platform;

import java.util.Arrays;

/**
 * An enum exchanged with clients as {@code {"code","label"}} and accepted as its code or its label.
 */
public interface Coded {

	String name();

	String label();

	default String code() {
		return name();
	}

	default CodeLabel toCodeLabel() {
		return new CodeLabel(code(), label());
	}

	/** Parses a code or a Chinese label; null for null or blank. */
	static <E extends Enum<E> & Coded> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		return Arrays.stream(type.getEnumConstants())
			.filter(e -> e.code().equalsIgnoreCase(v) || e.label().equals(v))
			.findFirst()
			.orElseThrow(() -> new InvalidValueException(Text.of("platform.value.invalid", v)));
	}
}
