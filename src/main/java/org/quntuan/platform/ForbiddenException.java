package org.quntuan.platform;

/** The object is visible to the caller but the action is not allowed (403). */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}
}
