package org.quntuan.platform;

/** The object does not exist or lies outside the caller's scope (404, no hint which). A more specific
 * text, e.g. "活动不存在或无权访问", must not reveal more than "not here for you". */
public class NotFoundException extends RuntimeException implements Texts.UserMessage {

	private final transient Text text;

	public NotFoundException() {
		this("platform.not-found");
	}

	/** The text under this bundle key (a sentence not yet in a bundle shows as itself). */
	public NotFoundException(String code, Object... args) {
		this(Text.of(code, args));
	}

	public NotFoundException(Text text) {
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
