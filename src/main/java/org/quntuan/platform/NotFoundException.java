package org.quntuan.platform;

/** The object does not exist or lies outside the caller's scope (404, no hint which). A more specific
 * text, e.g. "活动不存在或无权访问", must not reveal more than "not here for you". */
public class NotFoundException extends UserMessageException {

	public NotFoundException() {
		this("platform.not-found");
	}

	/** The text under this bundle key (a sentence not yet in a bundle shows as itself). */
	public NotFoundException(String code, Object... args) {
		this(Text.of(code, args));
	}

	public NotFoundException(Text text) {
		super(text);
	}
}
