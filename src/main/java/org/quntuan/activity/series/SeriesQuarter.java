package org.quntuan.activity.series;

import org.quntuan.platform.Text;

/** One quarter of a year's 四季有你 series: activities point at it by its id. */
public record SeriesQuarter(long id, int year, int quarter, String theme, String description) {

	/** Such as 2026 春之声（第一季度）, in the reader's language. */
	public Text label() {
		return Text.of("activity.series.quarter." + quarter, year, theme);
	}
}
