package org.quntuan.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;

/**
 * Who may take part in an activity. Every bean of this type must let a person through; the built-in
 * ones check the audience (orgs), gender and age, and other modules add their own (matchmaking:
 * "approved profiles only" for mixers). A rule says why it refuses, as a text of the bundles the member
 * reads in their language.
 */
public interface ActivityEligibilityRule {

	/** The reason the person may not take part, or empty if this rule lets them. */
	Optional<Text> reason(Offer activity, Candidate person);

	/** {@link #reason} in Chinese, for logs and tests. */
	default Optional<String> refusal(Offer activity, Candidate person) {
		return reason(activity, person).map(Texts::chinese);
	}

	/**
	 * Whether a refusal hides the activity from the person altogether (not meant for them at all),
	 * rather than showing it with the reason they cannot sign up.
	 */
	default boolean hides() {
		return false;
	}

	/** A root of the audience: a subtree, or the people of the organ of a 工会 / 团组织 / 妇委会. */
	record AudienceRoot(long orgId, String orgPath, Long memberOrganId) {
	}

	/** @param gender MALE / FEMALE or null for anyone */
	record Offer(long id, ActivityType type, Long organizerOrgId, Long clubId, Long seriesId, String gender,
			Integer minAge, Integer maxAge, OffsetDateTime startAt, List<AudienceRoot> audience) {
	}

	/** @param gender MALE / FEMALE */
	record Candidate(long personId, long organId, String organPath, String gender, LocalDate birthDate) {

		public int ageOn(LocalDate day) {
			return Period.between(birthDate, day).getYears();
		}
	}
}
