package org.quntuan.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one clock of the test suite: the application's {@link Clock} bean and every date a test makes.
 * By default it is the real time; {@code -Dquntuan.test.clock-shift=P400D} (a period or a duration,
 * may be negative) moves it, so that the whole suite can be run as if on another day:
 * {@code ./mvnw -B verify -Dquntuan.test.clock-shift=P400D}. A test that passes only today fails
 * there. Tests never call {@code now()} without this clock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

	public static final Clock CLOCK = Clock.offset(Clock.systemDefaultZone(), shift(System.getProperty("quntuan.test.clock-shift")));

	static Duration shift(String value) {
		if (value == null || value.isBlank()) {
			return Duration.ZERO;
		}
		String v = value.trim();
		if (v.contains("T")) {
			return Duration.parse(v);
		}
		Period period = Period.parse(v);
		return Duration.ofDays(period.toTotalMonths() * 30 + period.getDays());
	}

	@Bean
	@Primary
	Clock testClock() {
		return CLOCK;
	}
}
