package org.quntuan.platform;

import java.util.List;

/**
 * A value the client sent cannot be used (400). The message is shown to the user. A form checked
 * as a whole may report every field at once ({@link #InvalidValueException(List)}): the API lists
 * them in the problem's {@code errors}, a page marks each at its field.
 */
public class InvalidValueException extends UserMessageException {

	/** One field (as the form and the API name it) and what is wrong with it. */
	public record Problem(String field, Text text) {

		public Problem(String field, String code) {
			this(field, Text.of(code));
		}

		/** In Chinese, for logs and tests. */
		public String message() {
			return Texts.chinese(text);
		}

		/** In the language of the request. */
		public String localized() {
			return Texts.localized(text);
		}
	}

	private final String field;

	private final transient List<Problem> problems;

	public InvalidValueException(String code) {
		this(Text.of(code));
	}

	public InvalidValueException(Text text) {
		this(null, text);
	}

	public InvalidValueException(String field, String code) {
		this(field, Text.of(code));
	}

	public InvalidValueException(String field, Text text) {
		super(text);
		this.field = field;
		this.problems = field == null ? List.of() : List.of(new Problem(field, text));
	}

	/** Every problem of a form; the first one is the message. */
	public InvalidValueException(List<Problem> problems) {
		this(problems.get(0).text(), problems);
	}

	/** Every problem of a form, under a message of its own. */
	protected InvalidValueException(Text text, List<Problem> problems) {
		super(text);
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
