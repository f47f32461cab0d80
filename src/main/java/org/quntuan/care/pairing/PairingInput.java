package org.quntuan.care.pairing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.TextInput;

/** Checks of the values the pairing forms send, collecting the problems so that all are reported at once. */
final class PairingInput {

	private PairingInput() {
	}

	/** One line of 1 to max visible characters, or null with the problem noted. */
	static String name(String field, String value, int max, String key, List<InvalidValueException.Problem> problems) {
		try {
			String s = TextInput.name(field, value);
			if (s == null || s.length() > max) {
				problems.add(new InvalidValueException.Problem(field, key));
				return null;
			}
			return s;
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, ex.text()));
			return null;
		}
	}

	/** A required long text of at most max characters, or null with the problem noted. */
	static String text(String field, String value, int max, String key, List<InvalidValueException.Problem> problems) {
		try {
			String s = TextInput.text(field, value);
			if (s == null || s.isBlank() || s.strip().length() > max) {
				problems.add(new InvalidValueException.Problem(field, key));
				return null;
			}
			return s.strip();
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, ex.text()));
			return null;
		}
	}

	static <E extends Enum<E> & Coded> E coded(Class<E> type, String field, String value, String key,
			List<InvalidValueException.Problem> problems) {
		try {
			E e = Coded.parse(type, value);
			if (e == null) {
				problems.add(new InvalidValueException.Problem(field, key));
			}
			return e;
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, key));
			return null;
		}
	}

	/** A date from a form field: null when empty, a 400 naming the field when it is no date. */
	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(field, "pairing.error.bad-date");
		}
	}

	static void report(List<InvalidValueException.Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
	}
}
