package org.quntuan.platform;

/** The object does not exist or lies outside the caller's scope (404, no hint which). */
public class NotFoundException extends RuntimeException {

	public NotFoundException() {
		super("对象不存在或无权访问");
	}
}
