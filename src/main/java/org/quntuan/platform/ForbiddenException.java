package org.quntuan.platform;

/** The object is visible to the caller but the action is not allowed (403). */
public class ForbiddenException extends UserMessageException {

	/** The text under this bundle key (a sentence not yet in a bundle shows as itself). */
	public ForbiddenException(String code, Object... args) {
		this(Text.of(code, args));
	}

	public ForbiddenException(Text text) {
		super(text);
	}
}
