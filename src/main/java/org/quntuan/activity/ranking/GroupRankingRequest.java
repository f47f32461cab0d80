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
record GroupRankingRequest(@NotNull(message = "请填写年度") @Min(value = 2000, message = "年度无效") @Max(value = 2100, message = "年度无效") Integer year,
		@NotNull(message = "请填写权重") @Valid Weights weights,
		@Size(max = 8, message = "额外名额最多设到第 8 名") List<@NotNull(message = "名额不能为空") @Min(value = 0, message = "名额不能为负数") @Max(value = 20, message = "名额最多 20 个") Integer> extraQuotas) {

	record Weights(@NotNull(message = "请填写活动数量的权重") @Min(value = 0, message = "权重不能为负数") Integer activities,
			@NotNull(message = "请填写参与率的权重") @Min(value = 0, message = "权重不能为负数") Integer participation,
			@NotNull(message = "请填写活动评价的权重") @Min(value = 0, message = "权重不能为负数") Integer feedback) {
	}

	static final List<Integer> DEFAULT_QUOTAS = List.of(2, 1, 1);
}
