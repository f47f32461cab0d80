package org.quntuan.activity.series;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A year's 四季有你 plan; quarters left out (or without a theme) get the default theme. */
public record SeriesPlan(@NotNull(message = "{activity.series.validation.m1}") @Min(value = 2000, message = "{activity.series.validation.m2}") @Max(value = 2100, message = "{activity.series.validation.m2}") Integer year,
		@Valid @Size(max = 4, message = "{activity.series.validation.m3}") List<Quarter> quarters) {

	public record Quarter(@NotNull(message = "{activity.series.validation.m4}") @Min(value = 1, message = "{activity.series.validation.m5}") @Max(value = 4, message = "{activity.series.validation.m5}") Integer quarter,
			@Size(max = 50, message = "{activity.series.validation.m6}") String theme,
			@Size(max = 2000, message = "{activity.series.validation.m7}") String description) {
	}

	static final List<String> DEFAULT_THEMES = List.of("春之声", "夏之情", "秋之韵", "冬之暖");

	static final List<String> DEFAULT_DESCRIPTIONS = List.of("三八妇女节讲座、瑜伽等女职工活动", "青年联谊、志愿服务",
			"机关文化艺术节", "健康讲座、走访慰问");
}
