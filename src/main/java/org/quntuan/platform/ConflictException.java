package org.quntuan.platform;

/** The change collides with the current state: a stale version or a duplicate (409). */
public class ConflictException extends UserMessageException {

	/** The text under this bundle key (a sentence not yet in a bundle shows as itself). */
	public ConflictException(String code, Object... args) {
		this(Text.of(code, args));
	}

	public ConflictException(Text text) {
		super(text);
	}
}
