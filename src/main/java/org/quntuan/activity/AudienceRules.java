package org.quntuan.activity;

import java.util.Optional;

import org.quntuan.platform.Zones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The built-in eligibility rules: the orgs the activity is open to, gender, age on the day. */
@Configuration(proxyBeanMethods = false)
class AudienceRules {

	/** Marks the rule whose refusal means "not meant for you": the activity is not shown at all. */
	interface Audience extends ActivityEligibilityRule {

		@Override
		default boolean hides() {
			return true;
		}
	}

	@Bean
	Audience activityAudienceRule() {
		return (activity, person) -> activity.audience().stream()
			.anyMatch(root -> person.organPath().startsWith(root.orgPath())
					|| root.memberOrganId() != null && root.memberOrganId() == person.organId())
				? Optional.empty() : Optional.of("该活动不面向您所在单位开放");
	}

	@Bean
	ActivityEligibilityRule activityGenderRule() {
		return (activity, person) -> activity.gender() == null || activity.gender().equals(person.gender())
				? Optional.empty()
				: Optional.of("该活动仅限" + ("FEMALE".equals(activity.gender()) ? "女" : "男") + "职工报名");
	}

	@Bean
	ActivityEligibilityRule activityAgeRule() {
		return (activity, person) -> {
			if (activity.minAge() == null && activity.maxAge() == null) {
				return Optional.empty();
			}
			int age = person.ageOn(activity.startAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate());
			boolean tooYoung = activity.minAge() != null && age < activity.minAge();
			boolean tooOld = activity.maxAge() != null && age > activity.maxAge();
			return tooYoung || tooOld ? Optional.of("该活动限" + ageRange(activity) + "报名") : Optional.empty();
		};
	}

	static String ageRange(ActivityEligibilityRule.Offer a) {
		if (a.minAge() != null && a.maxAge() != null) {
			return a.minAge() + "至" + a.maxAge() + "周岁";
		}
		return a.minAge() != null ? a.minAge() + "周岁及以上" : a.maxAge() + "周岁及以下";
	}
}
