package org.quntuan.platform;

import java.time.DateTimeException;
import java.time.LocalDate;

/** A resident identity number per GB 11643-1999: 17 digits and a check character. */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

	private static final char[] CHECK = "10X98765432".toCharArray();

	public IdNumber {
		String problem = problem(value);
		if (problem != null) {
			throw new InvalidValueException("idNumber", problem);
		}
	}

	/** Accepts full-width digits, spaces and a lower-case x. */
	public static IdNumber parse(String raw) {
		String v = TextInput.compact(raw);
		if (v == null) {
			throw new InvalidValueException("idNumber", "platform.id-number.blank");
		}
		return new IdNumber(v.toUpperCase());
	}

	/** Why the value is not a valid number, in Chinese, or null if it is. */
	public static String problem(String value) {
		Text problem = problemText(value);
		return problem == null ? null : Texts.chinese(problem);
	}

	/** Why the value is not a valid number, or null if it is. */
	public static Text problemText(String value) {
		if (value == null || !value.matches("\\d{17}[\\dX]")) {
			return Text.of("platform.id-number.format");
		}
		if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
			return Text.of("platform.id-number.check");
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
					Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
			if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now(Zones.BUSINESS))) {
				return Text.of("platform.id-number.birth-unlikely");
			}
		}
		catch (DateTimeException ex) {
			return Text.of("platform.id-number.birth-invalid");
		}
		return null;
	}

	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	/** The 17th digit is odd for men and even for women. */
	public boolean isMale() {
		return (value.charAt(16) - '0') % 2 == 1;
	}

	public String masked() {
		return Masking.keepHeadAndTail(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
