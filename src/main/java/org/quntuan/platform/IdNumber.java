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
			throw new InvalidValueException("idNumber", "身份证号不能为空");
		}
		return new IdNumber(v.toUpperCase());
	}

	/** Why the value is not a valid number, or null if it is. */
	public static String problem(String value) {
		if (value == null || !value.matches("\\d{17}[\\dX]")) {
			return "身份证号应为 18 位，前 17 位为数字";
		}
		if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
			return "身份证号校验位不正确";
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
					Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
			if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now(Zones.BUSINESS))) {
				return "身份证号中的出生日期不合理";
			}
		}
		catch (DateTimeException ex) {
			return "身份证号中的出生日期无效";
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
