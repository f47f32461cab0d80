package org.quntuan.identity;

import org.quntuan.platform.InvalidValueException;
import org.springframework.stereotype.Component;

/** Length and character classes (upper, lower, digit, other), configurable. */
@Component
class PasswordPolicy {

	private final SecuritySettings settings;

	PasswordPolicy(SecuritySettings settings) {
		this.settings = settings;
	}

	void check(String password) {
		if (password == null || password.length() < settings.passwordMinLength() || password.length() > 64) {
			throw new InvalidValueException("password",
					"密码长度应为 " + settings.passwordMinLength() + " 至 64 位");
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < settings.passwordMinClasses()) {
			throw new InvalidValueException("password",
					"密码应至少包含大写字母、小写字母、数字、特殊字符中的 " + settings.passwordMinClasses() + " 类");
		}
	}
}
