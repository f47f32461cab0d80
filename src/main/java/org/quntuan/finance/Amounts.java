package org.quntuan.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.TextInput;

/** Money is yuan with exactly two decimals; what users type is read strictly, never rounded. */
public final class Amounts {

	/** Up to 999,999,999,999.99: the numeric(14,2) columns. */
	public static final BigDecimal MAX = new BigDecimal("999999999999.99");

	private Amounts() {
	}

	/**
	 * A positive amount such as "1280.50" (a thousands separator and a leading ¥ are allowed).
	 *
	 * @throws InvalidValueException for a missing, malformed, negative, zero, over-precise or too large amount
	 */
	public static BigDecimal positive(String field, String text) {
		BigDecimal value = parse(field, text);
		if (value.signum() <= 0) {
			throw new InvalidValueException(field, "金额必须大于零");
		}
		return value;
	}

	/** Zero or more, e.g. a budget line or a monthly base pay. */
	public static BigDecimal nonNegative(String field, String text) {
		BigDecimal value = parse(field, text);
		if (value.signum() < 0) {
			throw new InvalidValueException(field, "金额不能为负数");
		}
		return value;
	}

	static BigDecimal parse(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidValueException(field, "请填写金额");
		}
		String compacted = TextInput.compact(text);
		if (compacted == null) {
			// only control characters: nothing was typed that can be shown
			throw new InvalidValueException(field, "请填写金额");
		}
		String cleaned = compacted.replace(",", "").replace("¥", "").replace("￥", "");
		BigDecimal value;
		try {
			value = new BigDecimal(cleaned);
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException(field, "金额“" + text.strip() + "”格式不正确，应为数字，如 1280.50");
		}
		return checked(field, value);
	}

	/** A value that came as a number (JSON, Excel): the same rules. */
	static BigDecimal checked(String field, BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() > 2) {
			throw new InvalidValueException(field, "金额最多保留两位小数（到分）：" + value.toPlainString());
		}
		if (value.abs().compareTo(MAX) > 0) {
			throw new InvalidValueException(field, "金额超出可记录的范围");
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** 1,280.50 */
	public static String format(BigDecimal value) {
		if (value == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(value);
	}
}
