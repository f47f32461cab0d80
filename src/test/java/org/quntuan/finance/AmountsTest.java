package org.quntuan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.InvalidValueException;

class AmountsTest {

	private static InvalidValueException refusal(Runnable parse) {
		return catchThrowableOfType(InvalidValueException.class, parse::run);
	}

	@Test
	void anAmountIsReadWithSeparatorsYuanSignsAndFullWidthDigitsAndKeepsTwoDecimals() {
		assertThat(Amounts.positive("amount", "1280.5")).isEqualTo(new BigDecimal("1280.50"));
		assertThat(Amounts.positive("amount", " ¥1,280.50 ")).isEqualTo(new BigDecimal("1280.50"));
		assertThat(Amounts.positive("amount", "￥１２８０")).isEqualTo(new BigDecimal("1280.00"));
		assertThat(Amounts.positive("amount", "1 280.00")).isEqualTo(new BigDecimal("1280.00"));
		assertThat(Amounts.positive("amount", "0.01").scale()).isEqualTo(2);
	}

	@Test
	void aPositiveAmountRefusesZeroAndNegatives() {
		assertThat(refusal(() -> Amounts.positive("amount", "0"))).extracting(InvalidValueException::field,
				Throwable::getMessage)
			.containsExactly("amount", "金额必须大于零");
		assertThat(refusal(() -> Amounts.positive("amount", "-0.01")).getMessage()).isEqualTo("金额必须大于零");
		assertThat(refusal(() -> Amounts.positive("amount", "－5")).getMessage()).as("a full-width minus")
			.isEqualTo("金额必须大于零");
	}

	@Test
	void aNonNegativeAmountAcceptsZeroButNotLess() {
		assertThat(Amounts.nonNegative("basePay", "0")).isEqualTo(new BigDecimal("0.00"));
		assertThat(Amounts.nonNegative("basePay", "0.00")).isEqualByComparingTo("0");
		assertThat(refusal(() -> Amounts.nonNegative("basePay", "-1"))).extracting(InvalidValueException::field,
				Throwable::getMessage)
			.containsExactly("basePay", "金额不能为负数");
	}

	@Test
	void moreThanTwoDecimalsAreRefusedNeverRounded() {
		assertThat(refusal(() -> Amounts.positive("amount", "12.345")).getMessage())
			.isEqualTo("金额最多保留两位小数（到分）：12.345");
		assertThat(Amounts.positive("amount", "12.3400")).as("trailing zeros are no precision")
			.isEqualTo(new BigDecimal("12.34"));
		assertThat(refusal(() -> Amounts.checked("amount", new BigDecimal("0.001"))).getMessage())
			.isEqualTo("金额最多保留两位小数（到分）：0.001");
	}

	@Test
	void theLargestAmountFitsTheColumnAndOneCentMoreDoesNot() {
		assertThat(Amounts.positive("amount", "999,999,999,999.99")).isEqualTo(Amounts.MAX);
		assertThat(refusal(() -> Amounts.positive("amount", "1000000000000")).getMessage()).isEqualTo("金额超出可记录的范围");
		assertThat(refusal(() -> Amounts.nonNegative("amount", "-1000000000000")).getMessage())
			.isEqualTo("金额超出可记录的范围");
		assertThat(Amounts.checked("amount", new BigDecimal("1E+3"))).isEqualTo(new BigDecimal("1000.00"));
	}

	@Test
	void missingOrMalformedAmountsAreNamedInChinese() {
		assertThat(refusal(() -> Amounts.positive("amount", null)).getMessage()).isEqualTo("请填写金额");
		assertThat(refusal(() -> Amounts.positive("amount", "   ")).getMessage()).isEqualTo("请填写金额");
		assertThat(refusal(() -> Amounts.positive("amount", "\u0000\u0007")).getMessage()).isEqualTo("请填写金额");
		assertThat(refusal(() -> Amounts.positive("amount", " 一千元 ")).getMessage())
			.isEqualTo("金额“一千元”格式不正确，应为数字，如 1280.50");
		assertThat(refusal(() -> Amounts.positive("amount", "12.3.4")).field()).isEqualTo("amount");
	}

	@Test
	void amountsAreShownWithThousandsSeparatorsAndTwoDecimals() {
		assertThat(Amounts.format(new BigDecimal("1280.5"))).isEqualTo("1,280.50");
		assertThat(Amounts.format(new BigDecimal("999999999999.99"))).isEqualTo("999,999,999,999.99");
		assertThat(Amounts.format(new BigDecimal("-3"))).isEqualTo("-3.00");
		assertThat(Amounts.format(BigDecimal.ZERO)).isEqualTo("0.00");
		assertThat(Amounts.format(null)).isEmpty();
	}
}
