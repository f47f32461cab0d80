package org.quntuan.notice.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.InvalidValueException;

class FormRulesTest {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

	private static FormInput.FieldInput field(String label, String type) {
		return new FormInput.FieldInput(label, type, null, null, null, null, null);
	}

	private static FormInput.FieldInput number(String label, String type, String min, String max) {
		return new FormInput.FieldInput(label, type, true, min == null ? null : new BigDecimal(min),
				max == null ? null : new BigDecimal(max), null, null);
	}

	private static String messageOf(Runnable check) {
		return catchThrowableOfType(InvalidValueException.class, check::run).getMessage();
	}

	private static String fieldOf(Runnable check) {
		return catchThrowableOfType(InvalidValueException.class, check::run).field();
	}

	/** The fields as stored, with ids 1, 2, … in order. */
	private static List<FormField> stored(FormInput.FieldInput... inputs) {
		List<FormField> checked = FormRules.fields(List.of(inputs));
		List<FormField> result = new ArrayList<>();
		for (FormField f : checked) {
			result.add(new FormField(f.position(), f.position(), f.label(), f.type(), f.required(), f.min(), f.max(),
					f.maxLength(), f.options()));
		}
		return result;
	}

	@Test
	void aTitleIsRequiredTrimmedAndAtMost200Characters() {
		assertThat(FormRules.title("  2026 年职工人数统计 ")).isEqualTo("2026 年职工人数统计");
		assertThat(messageOf(() -> FormRules.title("   "))).isEqualTo("请填写报表标题");
		assertThat(messageOf(() -> FormRules.title(null))).isEqualTo("请填写报表标题");
		assertThat(FormRules.title("表".repeat(200))).hasSize(200);
		assertThat(messageOf(() -> FormRules.title("表".repeat(201)))).isEqualTo("报表标题不能超过 200 个字");
		assertThat(fieldOf(() -> FormRules.title("第一行\n第二行"))).isEqualTo("title");
	}

	@Test
	void blankInstructionsAreNoneAndLongOnesAreRefused() {
		assertThat(FormRules.instructions("  ")).isNull();
		assertThat(FormRules.instructions("请如实填写。\n截至年末。")).isEqualTo("请如实填写。\n截至年末。");
		assertThat(FormRules.instructions("说".repeat(4000))).hasSize(4000);
		assertThat(messageOf(() -> FormRules.instructions("说".repeat(4001)))).isEqualTo("填报说明不能超过 4000 个字");
	}

	@Test
	void theDeadlineMustBeGivenAndLaterThanNow() {
		FormRules.deadline(NOW.plusMinutes(1), NOW);
		assertThat(messageOf(() -> FormRules.deadline(NOW, NOW))).isEqualTo("截止时间应晚于当前时间");
		assertThat(messageOf(() -> FormRules.deadline(NOW.minusDays(1), NOW))).isEqualTo("截止时间应晚于当前时间");
		assertThat(messageOf(() -> FormRules.deadline(null, NOW))).isEqualTo("请填写截止时间");
	}

	@Test
	void fieldsArePositionedFromOneAndTextGetsTheDefaultMaximumLength() {
		List<FormField> fields = FormRules.fields(List.of(number("职工人数", "整数", "0", "100000"),
				field("备注", "TEXT"), new FormInput.FieldInput("是否达标", "单选", true, null, null, null, List.of(" 是 ", "否"))));
		assertThat(fields).extracting(FormField::position).containsExactly(1, 2, 3);
		assertThat(fields).extracting(FormField::type)
			.containsExactly(FormFieldType.INTEGER, FormFieldType.TEXT, FormFieldType.CHOICE);
		assertThat(fields.get(0).required()).isTrue();
		assertThat(fields.get(1).required()).isFalse();
		assertThat(fields.get(1).maxLength()).isEqualTo(FormRules.MAX_TEXT);
		assertThat(fields.get(0).maxLength()).isNull();
		assertThat(fields.get(2).options()).containsExactly("是", "否");
	}

	@Test
	void aFormNeedsOneToFiftyFields() {
		assertThat(messageOf(() -> FormRules.fields(List.of()))).isEqualTo("请至少设置一个填报项");
		assertThat(messageOf(() -> FormRules.fields(null))).isEqualTo("请至少设置一个填报项");
		List<FormInput.FieldInput> fifty = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			fifty.add(field("项目" + i, "DECIMAL"));
		}
		assertThat(FormRules.fields(fifty)).hasSize(50);
		fifty.add(field("项目51", "DECIMAL"));
		assertThat(messageOf(() -> FormRules.fields(fifty))).isEqualTo("填报项不能超过 50 个");
	}

	@Test
	void aFieldNeedsAUniqueLabelAndAKnownType() {
		assertThat(messageOf(() -> FormRules.fields(List.of(field(" ", "TEXT"))))).isEqualTo("请填写第 1 个填报项的名称");
		assertThat(messageOf(() -> FormRules.fields(List.of(field("人数", "整数"), field("人数", "小数")))))
			.isEqualTo("填报项名称「人数」重复");
		assertThat(fieldOf(() -> FormRules.fields(List.of(field("人数", "整数"), field("人数", "小数")))))
			.isEqualTo("fields[1].label");
		assertThat(messageOf(() -> FormRules.fields(List.of(field("人数", "百分比")))))
			.isEqualTo("填报项「人数」的类型无效，应为整数、小数、文本、单选或日期");
		assertThat(messageOf(() -> FormRules.fields(List.of(field("人数", null))))).isEqualTo("请选择填报项「人数」的类型");
		assertThat(messageOf(() -> FormRules.fields(List.of(field("名".repeat(101), "TEXT")))))
			.isEqualTo("第 1 个填报项的名称不能超过 100 个字");
		assertThat(messageOf(() -> FormRules.fields(Collections.singletonList(null)))).isEqualTo("第 1 个填报项为空");
	}

	@Test
	void boundsBelongToNumbersOnlyAndMustBeOrderedAndPrecise() {
		assertThat(messageOf(() -> FormRules.fields(List.of(number("备注", "TEXT", "1", null)))))
			.isEqualTo("填报项「备注」不是数字，不能设置最小值或最大值");
		assertThat(messageOf(() -> FormRules.fields(List.of(number("人数", "INTEGER", "10", "9")))))
			.isEqualTo("填报项「人数」的最小值不能大于最大值");
		assertThat(messageOf(() -> FormRules.fields(List.of(number("人数", "INTEGER", "0.5", null)))))
			.isEqualTo("填报项「人数」是整数，取值范围也应为整数");
		assertThat(messageOf(() -> FormRules.fields(List.of(number("比例", "DECIMAL", "0.00001", null)))))
			.isEqualTo("填报项「比例」的取值范围超出允许的精度");
		assertThat(messageOf(() -> FormRules.fields(List.of(number("金额", "DECIMAL", null, "1e16")))))
			.isEqualTo("填报项「金额」的取值范围超出允许的精度");
		FormField equal = FormRules.fields(List.of(number("人数", "INTEGER", "5.00", "5"))).get(0);
		assertThat(equal.min()).isEqualByComparingTo("5");
		assertThat(equal.min().scale()).isZero();
	}

	@Test
	void maximumLengthIsForTextOnlyBetweenOneAnd2000() {
		assertThat(messageOf(() -> FormRules.fields(
				List.of(new FormInput.FieldInput("人数", "INTEGER", null, null, null, 10, null)))))
			.isEqualTo("填报项「人数」不是文本，不能设置最大字数");
		assertThat(messageOf(() -> FormRules.fields(List.of(new FormInput.FieldInput("备注", "TEXT", null, null, null, 0, null)))))
			.isEqualTo("填报项「备注」的最大字数应在 1 到 2000 之间");
		assertThat(messageOf(() -> FormRules.fields(
				List.of(new FormInput.FieldInput("备注", "TEXT", null, null, null, 2001, null)))))
			.isEqualTo("填报项「备注」的最大字数应在 1 到 2000 之间");
		assertThat(FormRules.fields(List.of(new FormInput.FieldInput("备注", "TEXT", null, null, null, 2000, null)))
			.get(0)
			.maxLength()).isEqualTo(2000);
	}

	@Test
	void aChoiceNeedsDistinctShortOptionsAndOnlyAChoiceMayHaveThem() {
		FormInput.FieldInput noOptions = new FormInput.FieldInput("等级", "CHOICE", null, null, null, null, List.of());
		assertThat(messageOf(() -> FormRules.fields(List.of(noOptions)))).isEqualTo("请为填报项「等级」设置至少一个选项");
		assertThat(messageOf(() -> FormRules.fields(
				List.of(new FormInput.FieldInput("等级", "CHOICE", null, null, null, null, List.of("优", "优"))))))
			.isEqualTo("填报项「等级」的选项「优」重复");
		assertThat(messageOf(() -> FormRules.fields(
				List.of(new FormInput.FieldInput("等级", "CHOICE", null, null, null, null, List.of("优", " "))))))
			.isEqualTo("填报项「等级」有空白选项");
		assertThat(messageOf(() -> FormRules.fields(
				List.of(new FormInput.FieldInput("等级", "CHOICE", null, null, null, null, List.of("优\n良"))))))
			.isEqualTo("填报项「等级」的选项不能超过 50 个字，且不能换行");
		List<String> thirtyOne = new ArrayList<>();
		for (int i = 1; i <= 31; i++) {
			thirtyOne.add("选项" + i);
		}
		assertThat(messageOf(() -> FormRules.fields(
				List.of(new FormInput.FieldInput("等级", "CHOICE", null, null, null, null, thirtyOne)))))
			.isEqualTo("填报项「等级」的选项不能超过 30 个");
		assertThat(messageOf(() -> FormRules.fields(
				List.of(new FormInput.FieldInput("备注", "TEXT", null, null, null, null, List.of("是")))))).isEqualTo(
						"填报项「备注」不是单选，不能设置选项");
	}

	@Test
	void numbersAreReadWithFullWidthDigitsAndSeparatorsAndStoredWithoutTrailingZeros() {
		List<FormField> fields = stored(number("职工人数", "INTEGER", "0", "100000"), number("经费", "DECIMAL", null, null));
		Map<Long, FormRules.Value> values = FormRules.values(fields, Map.of(1L, "１,２００", 2L, "1.50"), true);
		assertThat(values.get(1L).text()).isEqualTo("1200");
		assertThat(values.get(1L).number()).isEqualByComparingTo("1200");
		assertThat(values.get(2L).text()).isEqualTo("1.5");
		assertThat(FormRules.values(fields, Map.of(1L, "1.0E+3", 2L, "0"), true).get(1L).text()).isEqualTo("1000");
	}

	@Test
	void numbersOutsideTheRangeOrTooPreciseAreRefusedWithTheRangeNamed() {
		List<FormField> fields = stored(number("职工人数", "INTEGER", "1", "500"), number("比例", "DECIMAL", "0", null),
				number("经费", "DECIMAL", null, "10"));
		assertThat(FormRules.values(fields, Map.of(1L, "500", 2L, "0", 3L, "10"), true)).hasSize(3);
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(1L, "501", 2L, "0", 3L, "0"), true)))
			.isEqualTo("「职工人数」超出允许范围，应在 1 到 500 之间");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(1L, "1", 2L, "-0.01", 3L, "0"), true)))
			.isEqualTo("「比例」超出允许范围，应不小于 0");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(1L, "1", 2L, "0", 3L, "10.0001"), true)))
			.isEqualTo("「经费」超出允许范围，应不大于 10");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(1L, "2.5", 2L, "0", 3L, "0"), true)))
			.isEqualTo("「职工人数」应为整数");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(1L, "十", 2L, "0", 3L, "0"), true)))
			.isEqualTo("「职工人数」应为整数");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(1L, "1", 2L, "abc", 3L, "0"), true)))
			.isEqualTo("「比例」应为数字");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(1L, "1", 2L, "0.12345", 3L, "0"), true)))
			.isEqualTo("「比例」最多保留 4 位小数");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(1L, "1", 2L, "1e16", 3L, "0"), true)))
			.isEqualTo("「比例」的数值过大");
	}

	@Test
	void textChoiceAndDateValuesAreCheckedAgainstTheirField() {
		List<FormField> fields = stored(new FormInput.FieldInput("备注", "TEXT", null, null, null, 5, null),
				new FormInput.FieldInput("等级", "CHOICE", null, null, null, null, List.of("优", "良")),
				field("统计日期", "DATE"));
		Map<Long, FormRules.Value> ok = FormRules.values(fields, Map.of(1L, "五个字以内", 2L, "良", 3L, "2026年３月1日"), true);
		assertThat(ok.get(3L).text()).isEqualTo("2026-03-01");
		assertThat(ok.get(2L).number()).isNull();
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(1L, "六个字的备注"), false)))
			.isEqualTo("「备注」不能超过 5 个字");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(2L, "差"), false)))
			.isEqualTo("「等级」没有「差」这个选项，请从优、良中选择");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(3L, "2026-02-30"), false)))
			.isEqualTo("「统计日期」应为日期，如 2026-12-31");
		assertThat(messageOf(() -> FormRules.values(fields, Map.of(3L, "明天"), false)))
			.isEqualTo("「统计日期」应为日期，如 2026-12-31");
	}

	@Test
	void aDraftMayLeaveRequiredFieldsEmptyButASubmissionMayNot() {
		List<FormField> fields = stored(number("职工人数", "INTEGER", null, null), field("备注", "TEXT"));
		assertThat(FormRules.values(fields, Map.of(), false)).isEmpty();
		assertThat(FormRules.values(fields, null, false)).isEmpty();
		assertThat(FormRules.values(fields, Map.of(1L, "3"), true)).containsOnlyKeys(1L);
		FormValuesRejected rejected = catchThrowableOfType(FormValuesRejected.class,
				() -> FormRules.values(fields, Map.of(2L, "  "), true));
		assertThat(rejected.problems()).extracting(InvalidValueException.Problem::field).containsExactly("values.1");
		assertThat(rejected.getMessage()).isEqualTo("「职工人数」为必填项");
	}

	@Test
	void everyProblemIsReportedAtItsFieldAndUnknownFieldsAreRefused() {
		List<FormField> fields = stored(number("职工人数", "INTEGER", null, null), number("经费", "DECIMAL", null, null));
		Map<Long, String> raw = new LinkedHashMap<>();
		raw.put(99L, "1");
		raw.put(1L, "x");
		raw.put(2L, "y");
		FormValuesRejected rejected = catchThrowableOfType(FormValuesRejected.class,
				() -> FormRules.values(fields, raw, false));
		assertThat(rejected.problems()).extracting(InvalidValueException.Problem::field)
			.containsExactly("values.99", "values.1", "values.2");
		assertThat(rejected.problems().get(0).message()).isEqualTo("填报项 99 不属于此报表");
		assertThat(rejected.getMessage()).isEqualTo("填报项 99 不属于此报表（另有 2 处错误）");
	}

	@Test
	void theRangeIsDescribedByTheBoundsThatAreSet() {
		assertThat(FormRules.range(new FormField(1, 1, "a", FormFieldType.DECIMAL, false, new BigDecimal("0.5"), null, null,
				List.of()))).isEqualTo("不小于 0.5");
		assertThat(FormRules.range(new FormField(1, 1, "a", FormFieldType.DECIMAL, false, null, null, null, List.of())))
			.isEmpty();
		assertThatThrownBy(() -> FormRules.values(
				List.of(new FormField(1, 1, "a", FormFieldType.DECIMAL, false, null, new BigDecimal("1E+2"), null, List.of())),
				Map.of(1L, "101"), false))
			.hasMessage("「a」超出允许范围，应不大于 100");
	}
}
