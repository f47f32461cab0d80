package org.quntuan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class BusinessTimesTest {

	private final BusinessTimes times = new BusinessTimes(Locale.SIMPLIFIED_CHINESE);

	@Test
	void aUtcValueFromTheDatabaseIsShownOnTheBeijingWallClock() {
		OffsetDateTime utc = OffsetDateTime.of(2026, 3, 1, 0, 53, 0, 0, ZoneOffset.UTC);
		assertThat(times.format(utc, "yyyy-MM-dd HH:mm")).isEqualTo("2026-03-01 08:53");
		assertThat(times.format(utc.toInstant(), "HH:mm")).isEqualTo("08:53");
		assertThat(times.format(utc.atZoneSameInstant(ZoneId.of("Europe/Berlin")), "HH:mm")).isEqualTo("08:53");
	}

	@Test
	void aLateEveningInUtcIsTheNextMorningInBeijing() {
		assertThat(times.format(Instant.parse("2026-12-31T20:15:00Z"), "yyyy年M月d日 HH:mm")).isEqualTo("2027年1月1日 04:15");
	}

	@Test
	void localValuesAreAlreadyBusinessTimeAndNothingPrintsAsEmpty() {
		assertThat(times.format(LocalDateTime.of(2026, 3, 1, 8, 53), "HH:mm")).isEqualTo("08:53");
		assertThat(times.format(LocalDate.of(2026, 3, 1), "yyyy-MM-dd")).isEqualTo("2026-03-01");
		assertThat(times.format(null, "HH:mm")).isEmpty();
	}
}
