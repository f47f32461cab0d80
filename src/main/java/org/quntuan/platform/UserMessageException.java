package org.quntuan.platform;

/**
 * An exception whose message a user reads: it carries a {@link Text}, shown in the reader's language by
 * the error handlers ({@link Texts#localized(Throwable)}); {@link #getMessage()} is the Chinese, for logs
 * and tests.
 */
public abstract class UserMessageException extends RuntimeException implements Texts.UserMessage {

	private final transient Text text;

	protected UserMessageException(Text text) {
		super(text.code());
		this.text = text;
	}

	protected UserMessageException(Text text, Throwable cause) {
		super(text.code(), cause);
		this.text = text;
	}

	@Override
	public Text text() {
		return text;
	}

	@Override
	public String getMessage() {
		return Texts.chinese(text);
	}
}
