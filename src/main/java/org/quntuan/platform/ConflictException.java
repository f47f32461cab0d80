package org.quntuan.platform;

/** The change collides with the current state: a stale version or a duplicate (409). */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
