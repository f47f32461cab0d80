package org.quntuan.learning.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ReadingTimeTest {

	@Test
	void textTakesItsLengthAtFiveHundredCharactersAMinuteAndAtLeastAMinute() {
		assertThat(ReadingTime.ofText(0)).isEqualTo(60);
		assertThat(ReadingTime.ofText(499)).isEqualTo(60);
		assertThat(ReadingTime.ofText(1000)).isEqualTo(120);
		assertThat(ReadingTime.ofText(1001)).isEqualTo(121);
		assertThat(ReadingTime.ofText(10_000_000)).isEqualTo(ReadingTime.MAXIMUM_SECONDS);
		assertThat(ReadingTime.ofPdf(1)).isEqualTo(60);
		assertThat(ReadingTime.ofPdf(10)).isEqualTo(300);
		assertThat(ReadingTime.ofVideo(95)).isEqualTo(95);
	}

	@Test
	void theTimeLeftRunsDownWithTheClockAndRoundsUp() {
		Instant opened = Instant.parse("2026-03-01T01:00:00Z");
		Clock clock = Clock.fixed(opened, ZoneOffset.UTC);
		assertThat(ReadingTime.secondsLeft(opened, clock.instant(), 120)).isEqualTo(120);
		clock = Clock.offset(clock, Duration.ofMillis(30_500));
		assertThat(ReadingTime.secondsLeft(opened, clock.instant(), 120)).isEqualTo(90);
		clock = Clock.offset(clock, Duration.ofMillis(89_500));
		assertThat(ReadingTime.secondsLeft(opened, clock.instant(), 120)).isZero();
		clock = Clock.offset(clock, Duration.ofDays(3));
		assertThat(ReadingTime.secondsLeft(opened, clock.instant(), 120)).isZero();
	}
}
