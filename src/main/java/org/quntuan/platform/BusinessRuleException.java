package org.quntuan.platform;

/** Well-formed input that a business rule refuses (422). */
public class BusinessRuleException extends UserMessageException {

	/** The text under this bundle key (a sentence not yet in a bundle shows as itself). */
	public BusinessRuleException(String code, Object... args) {
		this(Text.of(code, args));
	}

	public BusinessRuleException(Text text) {
		super(text);
	}
}
