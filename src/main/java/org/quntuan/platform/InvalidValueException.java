package org.quntuan.platform;

/** A value the client sent cannot be used (400). The message is shown to the user. */
public class InvalidValueException extends RuntimeException {

	private final String field;

	public InvalidValueException(String message) {
		this(null, message);
	}

	public InvalidValueException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
