package org.quntuan.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in rules, with the defaults of 等保 level 3: passwords of 8+ characters from 3 classes,
 * 5 failures lock the account for 30 minutes; 20 failures from one address in 15 minutes stop
 * further sign-ins from it until the window ends.
 */
@ConfigurationProperties("quntuan.security")
record SecuritySettings(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("30m") Duration lockDuration,
		@DefaultValue("8h") Duration tokenLifetime, @DefaultValue("8") int passwordMinLength,
		@DefaultValue("3") int passwordMinClasses, String bootstrapAdminPassword,
		@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("15m") Duration addressWindow) {
}
