package org.quntuan.care.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class HardshipSettingsTest {

	private final HardshipSettings settings = new HardshipSettings(new BigDecimal("5000"), new BigDecimal("3000"),
			new BigDecimal("8000"), 12);

	@Test
	void theLowerOfThePersonsAndTheLevelsCapApplies() {
		assertThat(settings.capFor(HardshipLevel.GENERAL)).isEqualByComparingTo("3000");
		assertThat(settings.capFor(HardshipLevel.SEVERE)).isEqualByComparingTo("5000");
	}

	@Test
	void reachingTheCapExactlyIsWithinItAndOneFenMoreIsNot() {
		assertThat(settings.withinCap(HardshipLevel.GENERAL, new BigDecimal("1000.00"), new BigDecimal("2000.00"))).isTrue();
		assertThat(settings.withinCap(HardshipLevel.GENERAL, new BigDecimal("1000.00"), new BigDecimal("2000.01"))).isFalse();
	}

	@Test
	void capsMustBePositive() {
		assertThatThrownBy(() -> new HardshipSettings(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE, 12))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
