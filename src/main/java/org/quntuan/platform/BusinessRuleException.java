package org.quntuan.platform;

/** Well-formed input that a business rule refuses (422). */
public class BusinessRuleException extends RuntimeException {

	public BusinessRuleException(String message) {
		super(message);
	}
}
