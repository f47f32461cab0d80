package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.quntuan.platform.InvalidValueException;

/** Hours as the API writes them: a string in half-hour steps, "2.5". */
final class Hours {

	static final BigDecimal DAY = new BigDecimal("24");

	private static final BigDecimal HALF = new BigDecimal("0.5");

	private Hours() {
	}

	/** Positive hours of one day: 0.5 to 24 in half-hour steps; 400 naming the field otherwise. */
	static BigDecimal positive(String field, String value) {
		BigDecimal h = parse(field, value);
		if (h.signum() <= 0 || h.compareTo(DAY) > 0) {
			throw new InvalidValueException(field, "volunteer.hours.error.range");
		}
		return h;
	}

	/** A correction: a non-zero signed number of hours in half-hour steps, at most a day either way. */
	static BigDecimal signed(String field, String value) {
		BigDecimal h = parse(field, value);
		if (h.signum() == 0 || h.abs().compareTo(DAY) > 0) {
			throw new InvalidValueException(field, "volunteer.hours.error.adjustment-range");
		}
		return h;
	}

	private static BigDecimal parse(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException(field, "volunteer.hours.error.no-hours");
		}
		BigDecimal h;
		try {
			h = new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException(field, "volunteer.hours.error.not-a-number");
		}
		if (h.remainder(HALF).signum() != 0) {
			throw new InvalidValueException(field, "volunteer.hours.error.half-hours");
		}
		return h.setScale(1, RoundingMode.UNNECESSARY);
	}

	/** "12.5", "3.0" → "3" is not used: one decimal always, as the ledger stores it. */
	static String format(BigDecimal hours) {
		return hours.setScale(1, RoundingMode.UNNECESSARY).toPlainString();
	}
}
