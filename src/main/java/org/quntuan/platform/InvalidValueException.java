package org.quntuan.platform;

import java.util.List;

/**
 * A value the client sent cannot be used (400). The message is shown to the user. A form checked
 * as a whole may report every field at once ({@link #InvalidValueException(List)}): the API lists
 * them in the problem's {@code errors}, a page marks each at its field.
 */
public class InvalidValueException extends RuntimeException {

	/** One field (as the form and the API name it) and what is wrong with it. */
	public record Problem(String field, String message) {
	}

	private final String field;

	private final List<Problem> problems;

	public InvalidValueException(String message) {
		this(null, message);
	}

	public InvalidValueException(String field, String message) {
		super(message);
		this.field = field;
		this.problems = field == null ? List.of() : List.of(new Problem(field, message));
	}

	/** Every problem of a form; the first one is the message. */
	public InvalidValueException(List<Problem> problems) {
		this(problems.get(0).message(), problems);
	}

	/** Every problem of a form, under a message of its own. */
	protected InvalidValueException(String message, List<Problem> problems) {
		super(message);
		this.field = problems.get(0).field();
		this.problems = List.copyOf(problems);
	}

	public String field() {
		return field;
	}

	/** The problems by field (empty when the value has no field). */
	public List<Problem> problems() {
		return problems;
	}
}
