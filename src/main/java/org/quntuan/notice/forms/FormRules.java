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
import org.quntuan.platform.TextInput;
import org.quntuan.platform.excel.ExcelText;
import org.quntuan.platform.web.ApiExceptionHandler.FieldProblem;

/** The checks of a form definition and of the values an org enters, with Chinese messages per field. */
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
			throw new InvalidValueException("title", "请填写报表标题");
		}
		if (t.length() > 200) {
			throw new InvalidValueException("title", "报表标题不能超过 200 个字");
		}
		return t;
	}

	static String instructions(String text) {
		String t = TextInput.text("instructions", text);
		if (t != null && t.length() > 4000) {
			throw new InvalidValueException("instructions", "填报说明不能超过 4000 个字");
		}
		return t == null || t.isEmpty() ? null : t;
	}

	static void deadline(OffsetDateTime deadline, OffsetDateTime now) {
		if (deadline == null) {
			throw new InvalidValueException("deadline", "请填写截止时间");
		}
		if (!deadline.isAfter(now)) {
			throw new InvalidValueException("deadline", "截止时间应晚于当前时间");
		}
	}

	/** The fields checked and normalised, positions from 1; ids are not assigned yet (0). */
	static List<FormField> fields(List<FormInput.FieldInput> inputs) {
		if (inputs == null || inputs.isEmpty()) {
			throw new InvalidValueException("fields", "请至少设置一个填报项");
		}
		if (inputs.size() > MAX_FIELDS) {
			throw new InvalidValueException("fields", "填报项不能超过 " + MAX_FIELDS + " 个");
		}
		List<FormField> result = new ArrayList<>();
		Set<String> labels = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			FormInput.FieldInput in = inputs.get(i);
			String at = "fields[" + i + "]";
			String name = "第 " + (i + 1) + " 个填报项";
			if (in == null) {
				throw new InvalidValueException(at, name + "为空");
			}
			String label = TextInput.name(at + ".label", in.label());
			if (label == null || label.isEmpty()) {
				throw new InvalidValueException(at + ".label", "请填写" + name + "的名称");
			}
			if (label.length() > 100) {
				throw new InvalidValueException(at + ".label", name + "的名称不能超过 100 个字");
			}
			if (!labels.add(label)) {
				throw new InvalidValueException(at + ".label", "填报项名称「" + label + "」重复");
			}
			name = "填报项「" + label + "」";
			FormFieldType type;
			try {
				type = Coded.parse(FormFieldType.class, in.type());
			}
			catch (InvalidValueException ex) {
				throw new InvalidValueException(at + ".type", name + "的类型无效，应为整数、小数、文本、单选或日期");
			}
			if (type == null) {
				throw new InvalidValueException(at + ".type", "请选择" + name + "的类型");
			}
			BigDecimal min = in.min();
			BigDecimal max = in.max();
			if ((min != null || max != null) && !type.numeric()) {
				throw new InvalidValueException(at + ".min", name + "不是数字，不能设置最小值或最大值");
			}
			for (BigDecimal bound : new BigDecimal[] { min, max }) {
				if (bound != null && (bound.abs().compareTo(LIMIT) >= 0 || bound.stripTrailingZeros().scale() > 4)) {
					throw new InvalidValueException(at + ".min", name + "的取值范围超出允许的精度");
				}
				if (bound != null && type == FormFieldType.INTEGER && bound.stripTrailingZeros().scale() > 0) {
					throw new InvalidValueException(at + ".min", name + "是整数，取值范围也应为整数");
				}
			}
			if (min != null && max != null && min.compareTo(max) > 0) {
				throw new InvalidValueException(at + ".min", name + "的最小值不能大于最大值");
			}
			Integer maxLength = in.maxLength();
			if (maxLength != null && type != FormFieldType.TEXT) {
				throw new InvalidValueException(at + ".maxLength", name + "不是文本，不能设置最大字数");
			}
			if (maxLength != null && (maxLength < 1 || maxLength > MAX_TEXT)) {
				throw new InvalidValueException(at + ".maxLength", name + "的最大字数应在 1 到 " + MAX_TEXT + " 之间");
			}
			List<String> options = List.of();
			if (type == FormFieldType.CHOICE) {
				options = options(in.options(), at, name);
			}
			else if (in.options() != null && !in.options().isEmpty()) {
				throw new InvalidValueException(at + ".options", name + "不是单选，不能设置选项");
			}
			result.add(new FormField(0, i + 1, label, type, Boolean.TRUE.equals(in.required()),
					min == null ? null : min.stripTrailingZeros(), max == null ? null : max.stripTrailingZeros(),
					type == FormFieldType.TEXT && maxLength == null ? Integer.valueOf(MAX_TEXT) : maxLength, options));
		}
		return result;
	}

	private static List<String> options(List<String> raw, String at, String name) {
		if (raw == null || raw.isEmpty()) {
			throw new InvalidValueException(at + ".options", "请为" + name + "设置至少一个选项");
		}
		List<String> options = new ArrayList<>();
		for (String o : raw) {
			String v = TextInput.normalize(o);
			if (v == null || v.isEmpty()) {
				throw new InvalidValueException(at + ".options", name + "有空白选项");
			}
			if (v.length() > 50 || v.contains("\n")) {
				throw new InvalidValueException(at + ".options", name + "的选项不能超过 50 个字，且不能换行");
			}
			if (options.contains(v)) {
				throw new InvalidValueException(at + ".options", name + "的选项「" + v + "」重复");
			}
			options.add(v);
		}
		if (options.size() > 30) {
			throw new InvalidValueException(at + ".options", name + "的选项不能超过 30 个");
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
		List<FieldProblem> problems = new ArrayList<>();
		Map<Long, String> given = raw == null ? Map.of() : raw;
		for (Long id : given.keySet()) {
			if (id == null || !byId.containsKey(id)) {
				problems.add(new FieldProblem("values." + id, "填报项 " + id + " 不属于此报表"));
			}
		}
		Map<Long, Value> result = new LinkedHashMap<>();
		for (FormField f : fields) {
			String text = TextInput.normalize(given.get(f.id()));
			String at = "values." + f.id();
			if (text == null || text.isEmpty()) {
				if (submit && f.required()) {
					problems.add(new FieldProblem(at, "「" + f.label() + "」为必填项"));
				}
				continue;
			}
			try {
				result.put(f.id(), value(f, text));
			}
			catch (InvalidValueException ex) {
				problems.add(new FieldProblem(at, ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw new FormValuesRejected(problems);
		}
		return result;
	}

	private static Value value(FormField f, String text) {
		String name = "「" + f.label() + "」";
		switch (f.type()) {
			case INTEGER, DECIMAL -> {
				BigDecimal n;
				try {
					n = new BigDecimal(TextInput.compact(text).replace(",", ""));
				}
				catch (NumberFormatException ex) {
					throw new InvalidValueException(name + (f.type() == FormFieldType.INTEGER ? "应为整数" : "应为数字"));
				}
				if (n.abs().compareTo(LIMIT) >= 0) {
					throw new InvalidValueException(name + "的数值过大");
				}
				n = n.stripTrailingZeros();
				if (n.scale() < 0) {
					n = n.setScale(0);
				}
				if (f.type() == FormFieldType.INTEGER && n.scale() > 0) {
					throw new InvalidValueException(name + "应为整数");
				}
				if (n.scale() > 4) {
					throw new InvalidValueException(name + "最多保留 4 位小数");
				}
				if (f.min() != null && n.compareTo(f.min()) < 0 || f.max() != null && n.compareTo(f.max()) > 0) {
					throw new InvalidValueException(name + "超出允许范围，应" + range(f));
				}
				return new Value(n.toPlainString(), n);
			}
			case TEXT -> {
				int limit = f.maxLength() == null ? MAX_TEXT : f.maxLength();
				if (text.length() > limit) {
					throw new InvalidValueException(name + "不能超过 " + limit + " 个字");
				}
				return new Value(text, null);
			}
			case CHOICE -> {
				if (!f.options().contains(text)) {
					throw new InvalidValueException(name + "没有「" + text + "」这个选项，请从" + String.join("、", f.options())
							+ "中选择");
				}
				return new Value(text, null);
			}
			case DATE -> {
				try {
					LocalDate d = ExcelText.parseDate(text);
					return new Value(d.toString(), null);
				}
				catch (DateTimeException ex) {
					throw new InvalidValueException(name + "应为日期，如 2026-12-31");
				}
			}
			default -> throw new IllegalStateException(f.type().name());
		}
	}

	static String range(FormField f) {
		if (f.min() != null && f.max() != null) {
			return "在 " + f.min().toPlainString() + " 到 " + f.max().toPlainString() + " 之间";
		}
		if (f.min() != null) {
			return "不小于 " + f.min().toPlainString();
		}
		if (f.max() != null) {
			return "不大于 " + f.max().toPlainString();
		}
		return "";
	}
}
