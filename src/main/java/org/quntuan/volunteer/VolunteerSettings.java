package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code quntuan.volunteer.star-hours}: the verified hours of 一星 to 五星, ascending (default
 * 100, 300, 600, 1000, 1500, as the 志愿服务记录与证明 rules grade them).
 */
@ConfigurationProperties("quntuan.volunteer")
record VolunteerSettings(@DefaultValue({ "100", "300", "600", "1000", "1500" }) List<Integer> starHours) {

	VolunteerSettings {
		if (starHours == null || starHours.size() != StarLevel.values().length) {
			throw new IllegalArgumentException("quntuan.volunteer.star-hours must list five thresholds");
		}
		for (int i = 0; i < starHours.size(); i++) {
			if (starHours.get(i) <= 0 || (i > 0 && starHours.get(i) <= starHours.get(i - 1))) {
				throw new IllegalArgumentException("quntuan.volunteer.star-hours must be positive and ascending");
			}
		}
		starHours = List.copyOf(starHours);
	}

	/** The level the hours reach, or null below 一星. */
	StarLevel starOf(BigDecimal hours) {
		StarLevel reached = null;
		for (int i = 0; i < starHours.size(); i++) {
			if (hours.compareTo(BigDecimal.valueOf(starHours.get(i))) >= 0) {
				reached = StarLevel.values()[i];
			}
		}
		return reached;
	}
}
