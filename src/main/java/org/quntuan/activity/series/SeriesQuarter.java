package org.quntuan.activity.series;

/** One quarter of a year's 四季有你 series: activities point at it by its id. */
public record SeriesQuarter(long id, int year, int quarter, String theme, String description) {

	/** Such as 2026 春之声（第一季度）, for choosing a series on an activity form. */
	public String label() {
		return year + " " + theme + "（第" + "一二三四".charAt(quarter - 1) + "季度）";
	}
}
