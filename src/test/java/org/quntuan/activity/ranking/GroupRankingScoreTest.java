package org.quntuan.activity.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ranking.GroupRankings.Figures;
import org.quntuan.activity.ranking.GroupRankings.Group;
import org.quntuan.platform.InvalidValueException;

/** The year-end score of the 片组 groups, computed from their figures without a database. */
class GroupRankingScoreTest {

	private static final GroupRankingRequest.Weights EVEN = new GroupRankingRequest.Weights(40, 40, 20);

	private static Figures figures(long id, int activities, int attendees, int members, String averageFeedback) {
		return new Figures(new Group(id, "第" + id + "片组", "/1/" + id + "/"), activities, attendees, members,
				averageFeedback == null ? 0 : 10, averageFeedback == null ? null : new BigDecimal(averageFeedback));
	}

	private static List<GroupRankingView.Row> score(GroupRankingRequest.Weights weights, List<Integer> quotas,
			Figures... figures) {
		return GroupRankings.score(List.of(figures), weights, quotas);
	}

	@Test
	void theScoreIsTheWeightedMeanOfActivitiesParticipationAndFeedback() {
		List<GroupRankingView.Row> rows = score(EVEN, List.of(2, 1, 1), figures(1, 10, 50, 100, "4.50"),
				figures(2, 5, 20, 40, null));
		// group 1: 40% × 100 (the busiest) + 40% × 50 (%) + 20% × 90 (4.5 of 5 stars)
		assertThat(rows.get(0).groupId()).isEqualTo(1);
		assertThat(rows.get(0).score()).isEqualByComparingTo("78.00");
		assertThat(rows.get(0).score().scale()).isEqualTo(2);
		assertThat(rows.get(0).participationRate()).isEqualByComparingTo("50");
		// group 2: 40% × 50 (half the busiest) + 40% × 50 + no feedback
		assertThat(rows.get(1).score()).isEqualByComparingTo("40.00");
		assertThat(rows).extracting(GroupRankingView.Row::rank).containsExactly(1, 2);
		assertThat(rows).extracting(GroupRankingView.Row::extraAwardQuota).containsExactly(2, 1);
	}

	@Test
	void theGroupsAreSortedByScoreWhateverTheOrderOfTheirFigures() {
		List<GroupRankingView.Row> rows = score(new GroupRankingRequest.Weights(100, 0, 0), List.of(), figures(1, 1, 0, 10, null),
				figures(2, 3, 0, 10, null), figures(3, 2, 0, 10, null));
		assertThat(rows).extracting(GroupRankingView.Row::groupId).containsExactly(2L, 3L, 1L);
		assertThat(rows).extracting(r -> r.score().toPlainString()).containsExactly("100.00", "66.67", "33.33");
		assertThat(rows).extracting(GroupRankingView.Row::extraAwardQuota).as("no quotas set").containsOnly(0);
	}

	@Test
	void participationIsAPercentageOfThePeopleCappedAtOneHundredForTheScore() {
		List<GroupRankingView.Row> rows = score(new GroupRankingRequest.Weights(0, 100, 0), List.of(),
				figures(1, 1, 150, 100, null), figures(2, 1, 1, 3, null), figures(3, 1, 5, 0, null));
		assertThat(rows.get(0).participationRate()).as("stored as it is").isEqualByComparingTo("150");
		assertThat(rows.get(0).score()).isEqualByComparingTo("100.00");
		assertThat(rows.get(1).participationRate()).isEqualTo(new BigDecimal("33.3333"));
		assertThat(rows.get(1).score()).isEqualByComparingTo("33.33");
		assertThat(rows.get(2).participationRate()).as("a group without people").isEqualTo(new BigDecimal("0.0000"));
		assertThat(rows.get(2).score()).isEqualByComparingTo("0");
	}

	@Test
	void feedbackOfFiveStarsIsAFullScoreAndNoFeedbackIsNothing() {
		List<GroupRankingView.Row> rows = score(new GroupRankingRequest.Weights(0, 0, 100), List.of(),
				figures(1, 1, 0, 10, "5.00"), figures(2, 1, 0, 10, "3.33"), figures(3, 1, 0, 10, null));
		assertThat(rows).extracting(r -> r.score().toPlainString()).containsExactly("100.00", "66.60", "0.00");
		assertThat(rows.get(2).averageFeedback()).isNull();
		assertThat(rows.get(2).feedbackCount()).isZero();
	}

	@Test
	void equalScoresShareARankAndItsQuotaAndTheNextRankSkipsThePlaces() {
		List<GroupRankingView.Row> rows = score(EVEN, List.of(2, 1, 1), figures(1, 4, 10, 20, "4.00"),
				figures(2, 4, 10, 20, "4.00"), figures(3, 2, 10, 20, "4.00"), figures(4, 1, 10, 20, "4.00"));
		assertThat(rows).extracting(GroupRankingView.Row::rank).containsExactly(1, 1, 3, 4);
		assertThat(rows).extracting(GroupRankingView.Row::extraAwardQuota).containsExactly(2, 2, 1, 0);
	}

	@Test
	void aGroupThatHeldNothingEarnsNoQuotaEvenWhenAllTieAtTheTop() {
		List<GroupRankingView.Row> rows = score(EVEN, List.of(2, 1, 1), figures(1, 0, 0, 100, null),
				figures(2, 0, 0, 0, null));
		assertThat(rows).extracting(GroupRankingView.Row::rank).containsExactly(1, 1);
		assertThat(rows).extracting(GroupRankingView.Row::score).allSatisfy(s -> assertThat(s).isEqualByComparingTo("0"));
		assertThat(rows).extracting(GroupRankingView.Row::extraAwardQuota).containsExactly(0, 0);
		assertThat(GroupRankings.score(List.of(), EVEN, List.of(2, 1, 1))).isEmpty();
	}

	private static InvalidValueException refusal(Integer year, GroupRankingRequest.Weights weights, List<Integer> quotas) {
		return catchThrowableOfType(InvalidValueException.class,
				() -> GroupRankings.validate(new GroupRankingRequest(year, weights, quotas)));
	}

	@Test
	void aRunNeedsAYearFrom2000To2100() {
		GroupRankings.validate(new GroupRankingRequest(2000, EVEN, null));
		GroupRankings.validate(new GroupRankingRequest(2100, EVEN, List.of()));
		for (Integer year : new Integer[] { null, 1999, 2101 }) {
			assertThat(refusal(year, EVEN, null)).as("%s", year)
				.extracting(InvalidValueException::field, Throwable::getMessage)
				.containsExactly("year", "年度无效");
		}
	}

	@Test
	void theThreeWeightsAreGivenNotNegativeAndSumTo100() {
		assertThat(refusal(2026, null, null).getMessage()).isEqualTo("请填写三项权重");
		assertThat(refusal(2026, new GroupRankingRequest.Weights(50, null, 50), null).getMessage()).isEqualTo("请填写三项权重");
		assertThat(refusal(2026, new GroupRankingRequest.Weights(120, -20, 0), null).getMessage()).isEqualTo("权重不能为负数");
		assertThat(refusal(2026, new GroupRankingRequest.Weights(40, 40, 21), null).getMessage())
			.isEqualTo("三项权重之和须为 100");
		GroupRankings.validate(new GroupRankingRequest(2026, new GroupRankingRequest.Weights(100, 0, 0), null));
	}

	@Test
	void extraQuotasAreZeroTo20ForAtMostTheFirstEightRanks() {
		GroupRankings.validate(new GroupRankingRequest(2026, EVEN, List.of(20, 0, 0, 0, 0, 0, 0, 0)));
		String message = "额外名额为 0 到 20 的整数，最多设到第 8 名";
		assertThat(refusal(2026, EVEN, List.of(1, 1, 1, 1, 1, 1, 1, 1, 1)).getMessage()).isEqualTo(message);
		assertThat(refusal(2026, EVEN, List.of(21)).getMessage()).isEqualTo(message);
		assertThat(refusal(2026, EVEN, List.of(-1)).getMessage()).isEqualTo(message);
		assertThat(refusal(2026, EVEN, Arrays.asList(1, null)).field()).isEqualTo("extraQuotas");
	}
}
