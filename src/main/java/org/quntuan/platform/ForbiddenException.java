package org.quntuan.platform;

/** The object is visible to the caller but the action is not allowed (403). */
public class ForbiddenException extends RuntimeException implements Texts.UserMessage {

	private final transient Text text;

	/** The text under this bundle key (a sentence not yet in a bundle shows as itself). */
	public ForbiddenException(String code, Object... args) {
		this(Text.of(code, args));
	}

	public ForbiddenException(Text text) {
		super(text.code());
		this.text = text;
	}

	@Override
	public Text text() {
		return text;
	}

	/** In Chinese, for logs and tests; pages and the API show {@link Texts#localized(Throwable)}. */
	@Override
	public String getMessage() {
		return Texts.chinese(text);
	}
}
