package org.quntuan.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one clock of the test suite: the application's {@link Clock} bean and every date a test makes.
 * By default it is the real time; {@code -Dquntuan.test.clock-shift=P400D} (a period or a duration,
 * may be negative) moves it, and {@code -Dquntuan.test.clock-at=2028-01-01T00:05:00+08:00} starts it
 * at a given moment, so that the whole suite can be run as if on another day (CI runs it once on the
 * first minutes of a leap year: see {@code .ci/run}). A test that passes only today fails there.
 * Tests never call {@code now()} without this clock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

	public static final Clock CLOCK = Clock.offset(Clock.systemDefaultZone(),
			shift(System.getProperty("quntuan.test.clock-shift"), System.getProperty("quntuan.test.clock-at")));

	static Duration shift(String value, String at) {
		if (at != null && !at.isBlank()) {
			return Duration.between(Instant.now(), OffsetDateTime.parse(at.trim()).toInstant());
		}
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

	/** The application's clock: the same instant, in UTC as in production (WebConfig's Clock.systemUTC()). */
	@Bean
	@Primary
	Clock testClock() {
		return CLOCK.withZone(ZoneOffset.UTC);
	}
}
