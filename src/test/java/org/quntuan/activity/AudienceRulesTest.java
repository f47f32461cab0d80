package org.quntuan.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityEligibilityRule.AudienceRoot;
import org.quntuan.activity.ActivityEligibilityRule.Candidate;
import org.quntuan.activity.ActivityEligibilityRule.Offer;

class AudienceRulesTest {

	private static final OffsetDateTime START = OffsetDateTime.parse("2026-05-16T09:00:00+08:00");

	private final AudienceRules rules = new AudienceRules();

	/** 市财政局 (organ 11) below the first group (2). */
	private static final Candidate WANG_FANG = new Candidate(100, 11, "/1/2/11/", "FEMALE", LocalDate.of(1991, 5, 16));

	private static Offer offer(List<AudienceRoot> audience, String gender, Integer minAge, Integer maxAge,
			OffsetDateTime startAt) {
		return new Offer(1, ActivityType.SPORTS_CULTURE, 2L, null, null, gender, minAge, maxAge, startAt, audience);
	}

	private static Offer openTo(AudienceRoot... roots) {
		return offer(List.of(roots), null, null, null, START);
	}

	private static Offer limited(String gender, Integer minAge, Integer maxAge) {
		return offer(List.of(new AudienceRoot(1, "/1/", null)), gender, minAge, maxAge, START);
	}

	@Test
	void theAudienceRuleHidesTheActivityTheOthersOnlyRefuse() {
		assertThat(rules.activityAudienceRule().hides()).isTrue();
		assertThat(rules.activityGenderRule().hides()).isFalse();
		assertThat(rules.activityAgeRule().hides()).isFalse();
	}

	@Test
	void anActivityReachesEveryoneBelowAnAudienceRoot() {
		ActivityEligibilityRule audience = rules.activityAudienceRule();
		assertThat(audience.refusal(openTo(new AudienceRoot(1, "/1/", null)), WANG_FANG)).isEmpty();
		assertThat(audience.refusal(openTo(new AudienceRoot(2, "/1/2/", null)), WANG_FANG)).isEmpty();
		assertThat(audience.refusal(openTo(new AudienceRoot(3, "/1/3/", null), new AudienceRoot(11, "/1/2/11/", null)),
				WANG_FANG))
			.isEmpty();
		assertThat(audience.refusal(openTo(new AudienceRoot(3, "/1/3/", null)), WANG_FANG))
			.contains("该活动不面向您所在单位开放");
		assertThat(audience.refusal(openTo(), WANG_FANG)).as("an empty audience reaches nobody")
			.contains("该活动不面向您所在单位开放");
	}

	@Test
	void aUnionAudienceReachesThePeopleOfItsOrganThoughTheyAreNotBelowIt() {
		ActivityEligibilityRule audience = rules.activityAudienceRule();
		assertThat(audience.refusal(openTo(new AudienceRoot(111, "/1/2/11/111/", 11L)), WANG_FANG)).isEmpty();
		assertThat(audience.refusal(openTo(new AudienceRoot(121, "/1/2/12/121/", 12L)), WANG_FANG))
			.contains("该活动不面向您所在单位开放");
		assertThat(audience.refusal(openTo(new AudienceRoot(111, "/1/2/11/111/", null)), WANG_FANG))
			.as("a subtree root below the person's organ").contains("该活动不面向您所在单位开放");
	}

	@Test
	void aGenderLimitRefusesTheOthersNamingWhoMaySignUp() {
		ActivityEligibilityRule gender = rules.activityGenderRule();
		assertThat(gender.refusal(limited(null, null, null), WANG_FANG)).isEmpty();
		assertThat(gender.refusal(limited("FEMALE", null, null), WANG_FANG)).isEmpty();
		assertThat(gender.refusal(limited("MALE", null, null), WANG_FANG)).contains("该活动仅限男职工报名");
		Candidate man = new Candidate(101, 11, "/1/2/11/", "MALE", LocalDate.of(1980, 1, 1));
		assertThat(gender.refusal(limited("FEMALE", null, null), man)).contains("该活动仅限女职工报名");
	}

	@Test
	void theAgeCountsOnTheDayOfTheActivityInBeijingTime() {
		ActivityEligibilityRule age = rules.activityAgeRule();
		// 35 on 2026-05-16, the day of the activity
		assertThat(age.refusal(limited(null, 35, 35), WANG_FANG)).isEmpty();
		assertThat(age.refusal(limited(null, null, 34), WANG_FANG)).contains("该活动限34周岁及以下报名");
		assertThat(age.refusal(limited(null, 36, null), WANG_FANG)).contains("该活动限36周岁及以上报名");
		assertThat(age.refusal(limited(null, 18, 34), WANG_FANG)).contains("该活动限18至34周岁报名");
		// 01:00 in Beijing on the birthday is still the evening before in UTC
		Offer earlyMorning = offer(List.of(new AudienceRoot(1, "/1/", null)), null, null, 34,
				OffsetDateTime.parse("2026-05-15T17:00:00Z"));
		assertThat(age.refusal(earlyMorning, WANG_FANG)).contains("该活动限34周岁及以下报名");
		Offer dayBefore = offer(List.of(new AudienceRoot(1, "/1/", null)), null, null, 34,
				OffsetDateTime.parse("2026-05-15T15:59:00Z"));
		assertThat(age.refusal(dayBefore, WANG_FANG)).isEmpty();
	}

	@Test
	void withoutAgeLimitsNobodyIsTooYoungOrTooOld() {
		Candidate newborn = new Candidate(102, 11, "/1/2/11/", "MALE", LocalDate.of(2026, 5, 1));
		assertThat(rules.activityAgeRule().refusal(limited(null, null, null), newborn)).isEmpty();
		assertThat(rules.activityAgeRule().refusal(limited(null, 0, null), newborn)).isEmpty();
		assertThat(newborn.ageOn(START.toLocalDate())).isZero();
		assertThat(WANG_FANG.ageOn(LocalDate.of(2026, 5, 15))).isEqualTo(34);
	}

	@Test
	void theAgeRangeReadsAsTheNoticeWouldSayIt() {
		assertThat(AudienceRules.ageRange(limited(null, 18, 28))).isEqualTo("18至28周岁");
		assertThat(AudienceRules.ageRange(limited(null, 50, null))).isEqualTo("50周岁及以上");
		assertThat(AudienceRules.ageRange(limited(null, null, 28))).isEqualTo("28周岁及以下");
	}
}
