package org.quntuan.notice.forms;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelText;

/** The checks of a form definition and of the values an org enters, with a message per field. */
final class FormRules {

	static final int MAX_FIELDS = 50;

	static final int MAX_TEXT = 2000;

	/** numeric(24, 4): whole part below 10^20. */
	private static final BigDecimal LIMIT = new BigDecimal("1e16");

	private FormRules() {
	}

	/** A value ready to store: the text as shown, and the number for numeric fields. */
	record Value(String text, BigDecimal number) {
	}

	static String title(String title) {
		String t = TextInput.name("title", title);
		if (t == null || t.isEmpty()) {
			throw new InvalidValueException("title", "notice.form.error.title-required");
		}
		if (t.length() > 200) {
			throw new InvalidValueException("title", "notice.form.error.title-too-long");
		}
		return t;
	}

	static String instructions(String text) {
		String t = TextInput.text("instructions", text);
		if (t != null && t.length() > 4000) {
			throw new InvalidValueException("instructions", "notice.form.error.instructions-too-long");
		}
		return t == null || t.isEmpty() ? null : t;
	}

	static void deadline(OffsetDateTime deadline, OffsetDateTime now) {
		if (deadline == null) {
			throw new InvalidValueException("deadline", "notice.common.error.deadline-required");
		}
		if (!deadline.isAfter(now)) {
			throw new InvalidValueException("deadline", "notice.form.error.deadline-past");
		}
	}

	/** The fields checked and normalised, positions from 1; ids are not assigned yet (0). */
	static List<FormField> fields(List<FormInput.FieldInput> inputs) {
		if (inputs == null || inputs.isEmpty()) {
			throw new InvalidValueException("fields", "notice.form.error.fields-required");
		}
		if (inputs.size() > MAX_FIELDS) {
			throw new InvalidValueException("fields", Text.of("notice.form.error.too-many-fields", MAX_FIELDS));
		}
		List<FormField> result = new ArrayList<>();
		Set<String> labels = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			FormInput.FieldInput in = inputs.get(i);
			String at = "fields[" + i + "]";
			Text name = Text.of("notice.form.field.nth", i + 1);
			if (in == null) {
				throw new InvalidValueException(at, Text.of("notice.form.error.field-empty", name));
			}
			String label = TextInput.name(at + ".label", in.label());
			if (label == null || label.isEmpty()) {
				throw new InvalidValueException(at + ".label", Text.of("notice.form.error.field-label-required", name));
			}
			if (label.length() > 100) {
				throw new InvalidValueException(at + ".label", Text.of("notice.form.error.field-label-too-long", name));
			}
			if (!labels.add(label)) {
				throw new InvalidValueException(at + ".label", Text.of("notice.form.error.field-label-twice", label));
			}
			name = Text.of("notice.form.field.named", label);
			FormFieldType type;
			try {
				type = Coded.parse(FormFieldType.class, in.type());
			}
			catch (InvalidValueException ex) {
				throw new InvalidValueException(at + ".type", Text.of("notice.form.error.field-type-invalid", name));
			}
			if (type == null) {
				throw new InvalidValueException(at + ".type", Text.of("notice.form.error.field-type-required", name));
			}
			BigDecimal min = in.min();
			BigDecimal max = in.max();
			if ((min != null || max != null) && !type.numeric()) {
				throw new InvalidValueException(at + ".min", Text.of("notice.form.error.field-range-not-numeric", name));
			}
			for (BigDecimal bound : new BigDecimal[] { min, max }) {
				if (bound != null && (bound.abs().compareTo(LIMIT) >= 0 || bound.stripTrailingZeros().scale() > 4)) {
					throw new InvalidValueException(at + ".min", Text.of("notice.form.error.field-range-precision", name));
				}
				if (bound != null && type == FormFieldType.INTEGER && bound.stripTrailingZeros().scale() > 0) {
					throw new InvalidValueException(at + ".min", Text.of("notice.form.error.field-range-integer", name));
				}
			}
			if (min != null && max != null && min.compareTo(max) > 0) {
				throw new InvalidValueException(at + ".min", Text.of("notice.form.error.field-range-order", name));
			}
			Integer maxLength = in.maxLength();
			if (maxLength != null && type != FormFieldType.TEXT) {
				throw new InvalidValueException(at + ".maxLength", Text.of("notice.form.error.field-length-not-text", name));
			}
			if (maxLength != null && (maxLength < 1 || maxLength > MAX_TEXT)) {
				throw new InvalidValueException(at + ".maxLength",
						Text.of("notice.form.error.field-length-range", name, MAX_TEXT));
			}
			List<String> options = List.of();
			if (type == FormFieldType.CHOICE) {
				options = options(in.options(), at, name);
			}
			else if (in.options() != null && !in.options().isEmpty()) {
				throw new InvalidValueException(at + ".options", Text.of("notice.form.error.field-options-not-choice", name));
			}
			result.add(new FormField(0, i + 1, label, type, Boolean.TRUE.equals(in.required()),
					min == null ? null : min.stripTrailingZeros(), max == null ? null : max.stripTrailingZeros(),
					type == FormFieldType.TEXT && maxLength == null ? Integer.valueOf(MAX_TEXT) : maxLength, options));
		}
		return result;
	}

	private static List<String> options(List<String> raw, String at, Text name) {
		if (raw == null || raw.isEmpty()) {
			throw new InvalidValueException(at + ".options", Text.of("notice.form.error.field-options-required", name));
		}
		List<String> options = new ArrayList<>();
		for (String o : raw) {
			String v = TextInput.normalize(o);
			if (v == null || v.isEmpty()) {
				throw new InvalidValueException(at + ".options", Text.of("notice.form.error.field-option-blank", name));
			}
			if (v.length() > 50 || v.contains("\n")) {
				throw new InvalidValueException(at + ".options", Text.of("notice.form.error.field-option-too-long", name));
			}
			if (options.contains(v)) {
				throw new InvalidValueException(at + ".options", Text.of("notice.form.error.field-option-twice", name, v));
			}
			options.add(v);
		}
		if (options.size() > 30) {
			throw new InvalidValueException(at + ".options", Text.of("notice.form.error.field-too-many-options", name));
		}
		return options;
	}

	/**
	 * The values checked against the fields. Unknown field ids are refused; for a draft, required
	 * fields may stay empty, for a submission not. Every problem is reported, each at its field.
	 */
	static Map<Long, Value> values(List<FormField> fields, Map<Long, String> raw, boolean submit) {
		Map<Long, FormField> byId = new LinkedHashMap<>();
		fields.forEach(f -> byId.put(f.id(), f));
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		Map<Long, String> given = raw == null ? Map.of() : raw;
		for (Long id : given.keySet()) {
			if (id == null || !byId.containsKey(id)) {
				problems.add(new InvalidValueException.Problem("values." + id,
						Text.of("notice.form.error.value-unknown-field", id)));
			}
		}
		Map<Long, Value> result = new LinkedHashMap<>();
		for (FormField f : fields) {
			String text = TextInput.normalize(given.get(f.id()));
			String at = "values." + f.id();
			if (text == null || text.isEmpty()) {
				if (submit && f.required()) {
					problems.add(
							new InvalidValueException.Problem(at, Text.of("notice.form.error.value-required", f.label())));
				}
				continue;
			}
			try {
				result.put(f.id(), value(f, text));
			}
			catch (InvalidValueException ex) {
				problems.add(new InvalidValueException.Problem(at, ex.text()));
			}
		}
		if (!problems.isEmpty()) {
			throw new FormValuesRejected(problems);
		}
		return result;
	}

	private static Value value(FormField f, String text) {
		String name = f.label();
		switch (f.type()) {
			case INTEGER, DECIMAL -> {
				BigDecimal n;
				try {
					n = new BigDecimal(TextInput.compact(text).replace(",", ""));
				}
				catch (NumberFormatException ex) {
					throw new InvalidValueException(Text.of(f.type() == FormFieldType.INTEGER
							? "notice.form.error.value-integer" : "notice.form.error.value-number", name));
				}
				if (n.abs().compareTo(LIMIT) >= 0) {
					throw new InvalidValueException(Text.of("notice.form.error.value-too-large", name));
				}
				n = n.stripTrailingZeros();
				if (n.scale() < 0) {
					n = n.setScale(0);
				}
				if (f.type() == FormFieldType.INTEGER && n.scale() > 0) {
					throw new InvalidValueException(Text.of("notice.form.error.value-integer", name));
				}
				if (n.scale() > 4) {
					throw new InvalidValueException(Text.of("notice.form.error.value-scale", name));
				}
				if (f.min() != null && n.compareTo(f.min()) < 0 || f.max() != null && n.compareTo(f.max()) > 0) {
					throw new InvalidValueException(Text.of("notice.form.error.value-out-of-range", name, rangeText(f)));
				}
				return new Value(n.toPlainString(), n);
			}
			case TEXT -> {
				int limit = f.maxLength() == null ? MAX_TEXT : f.maxLength();
				if (text.length() > limit) {
					throw new InvalidValueException(Text.of("notice.form.error.value-too-long", name, limit));
				}
				return new Value(text, null);
			}
			case CHOICE -> {
				if (!f.options().contains(text)) {
					throw new InvalidValueException(
							Text.of("notice.form.error.value-no-such-option", name, text, list(f.options())));
				}
				return new Value(text, null);
			}
			case DATE -> {
				try {
					LocalDate d = ExcelText.parseDate(text);
					return new Value(d.toString(), null);
				}
				catch (DateTimeException ex) {
					throw new InvalidValueException(Text.of("notice.form.error.value-date", name));
				}
			}
			default -> throw new IllegalStateException(f.type().name());
		}
	}

	/** The allowed range in Chinese words; empty when the field has no bounds. */
	static String range(FormField f) {
		Text range = rangeText(f);
		return range == null ? "" : Texts.chinese(range);
	}

	/** The allowed range as a text, put into words when shown; null when the field has no bounds. */
	static Text rangeText(FormField f) {
		if (f.min() != null && f.max() != null) {
			return Text.of("notice.form.range.between", f.min(), f.max());
		}
		if (f.min() != null) {
			return Text.of("notice.form.range.min", f.min());
		}
		if (f.max() != null) {
			return Text.of("notice.form.range.max", f.max());
		}
		return null;
	}

	/** The options one after the other (separated by 、 in Chinese). */
	private static Object list(List<String> options) {
		Object list = options.get(0);
		for (String option : options.subList(1, options.size())) {
			list = Text.of("notice.form.option.list", list, option);
		}
		return list;
	}
}
