package org.quntuan.care.hardship;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The yearly caps of 困难会员补助 (yuan paid to one person in a calendar year): one for everyone
 * ({@code quntuan.care.hardship.yearly-cap-per-person}, default 6,000.00) and one per level
 * ({@code yearly-cap-general} 3,000.00 for 一般困难, {@code yearly-cap-severe} 6,000.00 for 深度困难); the
 * lower of the two applies. {@code review-months} (12) is how long a reviewed entry qualifies.
 */
@ConfigurationProperties("quntuan.care.hardship")
record HardshipSettings(@DefaultValue("6000.00") BigDecimal yearlyCapPerPerson,
		@DefaultValue("3000.00") BigDecimal yearlyCapGeneral, @DefaultValue("6000.00") BigDecimal yearlyCapSevere,
		@DefaultValue("12") int reviewMonths) {

	HardshipSettings {
		for (BigDecimal cap : new BigDecimal[] { yearlyCapPerPerson, yearlyCapGeneral, yearlyCapSevere }) {
			if (cap == null || cap.signum() <= 0) {
				throw new IllegalArgumentException("quntuan.care.hardship.yearly-cap-* must be positive amounts");
			}
		}
		if (reviewMonths < 1 || reviewMonths > 36) {
			throw new IllegalArgumentException("quntuan.care.hardship.review-months must be 1 to 36");
		}
	}

	/** The cap of one person at a level this year: the lower of the person's and the level's. */
	BigDecimal capFor(HardshipLevel level) {
		BigDecimal byLevel = level == HardshipLevel.SEVERE ? yearlyCapSevere : yearlyCapGeneral;
		return byLevel.min(yearlyCapPerPerson);
	}

	/** Whether paying {@code amount} on top of {@code paidThisYear} stays within the cap of the level. */
	boolean withinCap(HardshipLevel level, BigDecimal paidThisYear, BigDecimal amount) {
		return paidThisYear.add(amount).compareTo(capFor(level)) <= 0;
	}
}
