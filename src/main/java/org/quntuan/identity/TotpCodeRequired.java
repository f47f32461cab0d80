package org.quntuan.identity;

import org.quntuan.platform.Texts;

/** The password was right, but the account has TOTP and the request carried no valid code (401). */
class TotpCodeRequired extends RuntimeException {

	/** The bundle key of the answer; the exception's message is its Chinese, for logs. */
	static final String MESSAGE = "identity.totp.error.code-required";

	TotpCodeRequired() {
		super(Texts.chinese(MESSAGE));
	}
}
