package org.quntuan.platform;

/** The object does not exist or lies outside the caller's scope (404, no hint which). */
public class NotFoundException extends RuntimeException {

	public NotFoundException() {
		super("对象不存在或无权访问");
	}

	/** A more specific message, e.g. "活动不存在或无权访问"; it must not reveal more than "not here for you". */
	public NotFoundException(String message) {
		super(message);
	}
}
