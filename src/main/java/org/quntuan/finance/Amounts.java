package org.quntuan.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
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
			throw new InvalidValueException(field, "finance.amount.error.notPositive");
		}
		return value;
	}

	/** Zero or more, e.g. a budget line or a monthly base pay. */
	public static BigDecimal nonNegative(String field, String text) {
		BigDecimal value = parse(field, text);
		if (value.signum() < 0) {
			throw new InvalidValueException(field, "finance.amount.error.negative");
		}
		return value;
	}

	static BigDecimal parse(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidValueException(field, "finance.amount.error.missing");
		}
		String compacted = TextInput.compact(text);
		if (compacted == null) {
			// only control characters: nothing was typed that can be shown
			throw new InvalidValueException(field, "finance.amount.error.missing");
		}
		String cleaned = compacted.replace(",", "").replace("¥", "").replace("￥", "");
		BigDecimal value;
		try {
			value = new BigDecimal(cleaned);
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException(field, Text.of("finance.amount.error.format", text.strip()));
		}
		return checked(field, value);
	}

	/** A value that came as a number (JSON, Excel): the same rules. */
	static BigDecimal checked(String field, BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() > 2) {
			throw new InvalidValueException(field, Text.of("finance.amount.error.scale", value.toPlainString()));
		}
		if (value.abs().compareTo(MAX) > 0) {
			throw new InvalidValueException(field, "finance.amount.error.tooLarge");
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
