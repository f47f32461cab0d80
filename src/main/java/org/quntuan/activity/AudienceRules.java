package org.quntuan.activity;

import java.util.Optional;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
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
				? Optional.empty() : Optional.of(Text.of("activity.audience.refusal.organ"));
	}

	@Bean
	ActivityEligibilityRule activityGenderRule() {
		return (activity, person) -> activity.gender() == null || activity.gender().equals(person.gender())
				? Optional.empty()
				: Optional.of(Text.of("FEMALE".equals(activity.gender()) ? "activity.audience.refusal.women-only"
						: "activity.audience.refusal.men-only"));
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
			return tooYoung || tooOld ? Optional.of(Text.of("activity.audience.refusal.age", ages(activity)))
					: Optional.empty();
		};
	}

	/** The ages an activity is open to, such as 18至34周岁. */
	static Text ages(ActivityEligibilityRule.Offer a) {
		if (a.minAge() != null && a.maxAge() != null) {
			return Text.of("activity.audience.ages.between", a.minAge(), a.maxAge());
		}
		return a.minAge() != null ? Text.of("activity.audience.ages.min", a.minAge())
				: Text.of("activity.audience.ages.max", a.maxAge());
	}

	/** {@link #ages} in Chinese. */
	static String ageRange(ActivityEligibilityRule.Offer a) {
		return Texts.chinese(ages(a));
	}
}
