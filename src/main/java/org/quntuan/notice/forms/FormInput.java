package org.quntuan.notice.forms;

import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.organization.Targets;

/** A new form as the sender defines it (API body and page form). */
record FormInput(String title, String instructions, OffsetDateTime deadline, @Size(max = 200) List<FieldInput> fields,
		Targets targets) {

	/** type is the code (INTEGER, DECIMAL, TEXT, CHOICE, DATE) or its Chinese label. */
	record FieldInput(String label, String type, Boolean required, BigDecimal min, BigDecimal max, Integer maxLength,
			@Size(max = 100) List<String> options) {
	}
}
