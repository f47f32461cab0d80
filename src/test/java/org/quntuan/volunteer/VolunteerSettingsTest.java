package org.quntuan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class VolunteerSettingsTest {

	private final VolunteerSettings defaults = new VolunteerSettings(List.of(100, 300, 600, 1000, 1500));

	@Test
	void theStarLevelIsTheHighestThresholdTheVerifiedHoursReach() {
		assertThat(defaults.starOf(new BigDecimal("99.5"))).isNull();
		assertThat(defaults.starOf(new BigDecimal("100.0"))).isEqualTo(StarLevel.ONE);
		assertThat(defaults.starOf(new BigDecimal("299.5"))).isEqualTo(StarLevel.ONE);
		assertThat(defaults.starOf(new BigDecimal("300"))).isEqualTo(StarLevel.TWO);
		assertThat(defaults.starOf(new BigDecimal("600"))).isEqualTo(StarLevel.THREE);
		assertThat(defaults.starOf(new BigDecimal("1499.5"))).isEqualTo(StarLevel.FOUR);
		assertThat(defaults.starOf(new BigDecimal("1500"))).isEqualTo(StarLevel.FIVE);
		assertThat(new VolunteerSettings(List.of(10, 20, 30, 40, 50)).starOf(new BigDecimal("35"))).isEqualTo(StarLevel.THREE);
	}

	@Test
	void thresholdsMustBeFiveAscendingPositiveNumbers() {
		assertThatThrownBy(() -> new VolunteerSettings(List.of(100, 300, 600, 1000))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new VolunteerSettings(List.of(100, 300, 300, 1000, 1500)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new VolunteerSettings(List.of(0, 300, 600, 1000, 1500)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
