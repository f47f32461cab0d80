package org.quntuan.finance.dues;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Member dues: {@code quntuan.finance.dues-rate} is the share of the monthly base pay a member pays,
 * 0.005 (0.5%) by default. A sheet keeps the rate it was generated with, so a change applies from
 * the next sheet on.
 *
 * @param duesRate more than 0 and less than 1, at most four decimals (the column is numeric(6,4))
 */
@ConfigurationProperties("quntuan.finance")
record DuesSettings(@DefaultValue("0.005") BigDecimal duesRate) {

	DuesSettings {
		if (duesRate.signum() <= 0 || duesRate.compareTo(BigDecimal.ONE) >= 0
				|| duesRate.stripTrailingZeros().scale() > 4) {
			throw new IllegalArgumentException(
					"quntuan.finance.dues-rate 应大于 0、小于 1，最多四位小数，例如 0.005 表示 0.5%：" + duesRate);
		}
	}
}
