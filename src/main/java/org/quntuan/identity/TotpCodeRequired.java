package org.quntuan.identity;

/** The password was right, but the account has TOTP and the request carried no valid code (401). */
class TotpCodeRequired extends RuntimeException {

	static final String MESSAGE = "需要动态验证码";

	TotpCodeRequired() {
		super(MESSAGE);
	}
}
