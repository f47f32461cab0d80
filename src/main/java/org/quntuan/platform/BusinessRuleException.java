package org.quntuan.platform;

/** Well-formed input that a business rule refuses (422). */
public class BusinessRuleException extends RuntimeException implements Texts.UserMessage {

	private final transient Text text;

	/** The text under this bundle key (a sentence not yet in a bundle shows as itself). */
	public BusinessRuleException(String code, Object... args) {
		this(Text.of(code, args));
	}

	public BusinessRuleException(Text text) {
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
