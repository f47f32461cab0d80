package org.quntuan.identity;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
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
					Text.of("identity.password.error.length", settings.passwordMinLength()));
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < settings.passwordMinClasses()) {
			throw new InvalidValueException("password",
					Text.of("identity.password.error.classes", settings.passwordMinClasses()));
		}
	}
}
