package org.quntuan.activity.ranking;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Run the ranking of a year with these weights (percent, summing to 100).
 *
 * @param extraQuotas extra award quotas by rank: 2, 1, 1 gives the first group 2, the second and third 1 each
 */
record GroupRankingRequest(@NotNull(message = "{activity.ranking.validation.m1}") @Min(value = 2000, message = "{activity.ranking.validation.m2}") @Max(value = 2100, message = "{activity.ranking.validation.m2}") Integer year,
		@NotNull(message = "{activity.ranking.validation.m3}") @Valid Weights weights,
		@Size(max = 8, message = "{activity.ranking.validation.m4}") List<@NotNull(message = "{activity.ranking.validation.m5}") @Min(value = 0, message = "{activity.ranking.validation.m6}") @Max(value = 20, message = "{activity.ranking.validation.m7}") Integer> extraQuotas) {

	record Weights(@NotNull(message = "{activity.ranking.validation.m8}") @Min(value = 0, message = "{activity.ranking.validation.m9}") Integer activities,
			@NotNull(message = "{activity.ranking.validation.m10}") @Min(value = 0, message = "{activity.ranking.validation.m9}") Integer participation,
			@NotNull(message = "{activity.ranking.validation.m11}") @Min(value = 0, message = "{activity.ranking.validation.m9}") Integer feedback) {
	}

	static final List<Integer> DEFAULT_QUOTAS = List.of(2, 1, 1);
}
