package org.quntuan.notice.forms;

import java.math.BigDecimal;
import java.util.List;

/** One field of a form as stored; options only for CHOICE, min/max only for numbers, maxLength only for text. */
record FormField(long id, int position, String label, FormFieldType type, boolean required, BigDecimal min,
		BigDecimal max, Integer maxLength, List<String> options) {

	boolean numeric() {
		return type.numeric();
	}
}
