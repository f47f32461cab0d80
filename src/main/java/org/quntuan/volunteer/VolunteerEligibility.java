package org.quntuan.volunteer;

import java.util.Optional;

import org.quntuan.activity.ActivityEligibilityRule;
import org.quntuan.activity.ActivityType;
import org.quntuan.platform.Text;
import org.springframework.stereotype.Component;

/**
 * 志愿 activities are services of the volunteers: only an approved volunteer signs up for one. Others see
 * the activity with the reason, and a link to register as a volunteer is a step away on /volunteer.
 */
@Component
class VolunteerEligibility implements ActivityEligibilityRule {

	private final VolunteerRepository volunteers;

	VolunteerEligibility(VolunteerRepository volunteers) {
		this.volunteers = volunteers;
	}

	@Override
	public Optional<Text> reason(Offer activity, Candidate person) {
		if (activity.type() != ActivityType.VOLUNTEER) {
			return Optional.empty();
		}
		return volunteers.isApproved(person.personId()) ? Optional.empty() : Optional.of(Text.of("volunteer.activity.only-volunteers"));
	}
}
