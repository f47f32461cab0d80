package org.quntuan.platform;

/** A mainland mobile number: 11 digits starting with 13 to 19. */
public record MobileNumber(String value) {

	public MobileNumber {
		if (value == null || !value.matches("1[3-9]\\d{9}")) {
			throw new InvalidValueException("mobile", "platform.mobile.format");
		}
	}

	/** Accepts full-width digits, spaces, dashes and a +86 prefix. */
	public static MobileNumber parse(String raw) {
		String v = TextInput.compact(raw);
		if (v == null) {
			throw new InvalidValueException("mobile", "platform.mobile.blank");
		}
		v = v.replace("-", "");
		if (v.startsWith("+86")) {
			v = v.substring(3);
		}
		return new MobileNumber(v);
	}

	public String masked() {
		return Masking.keepHeadAndTail(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
