package org.quntuan.activity;

import java.util.List;
import java.util.Optional;

import org.quntuan.activity.ActivityEligibilityRule.Candidate;
import org.quntuan.activity.ActivityEligibilityRule.Offer;
import org.quntuan.member.PersonFacts;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.springframework.stereotype.Component;

/**
 * Who may see and manage an activity. Organizers are the admins whose scope covers the organizer
 * org; members see the activities whose every eligibility rule lets them, and those they registered
 * for.
 */
@Component
class ActivityAccess {

	private final CurrentUserProvider users;

	private final ActivityRepository activities;

	private final PersonFacts people;

	private final OrganizationQueries orgs;

	private final List<ActivityEligibilityRule> rules;

	ActivityAccess(CurrentUserProvider users, ActivityRepository activities, PersonFacts people,
			OrganizationQueries orgs, List<ActivityEligibilityRule> rules) {
		this.users = users;
		this.activities = activities;
		this.people = people;
		this.orgs = orgs;
		this.rules = rules;
	}

	CurrentUser user() {
		return users.current();
	}

	boolean manages(CurrentUser user, ActivityRow a) {
		return user.scope().adminGrants().stream().anyMatch(g -> a.organizerPath().startsWith(g.orgPath()));
	}

	/** The activity if the caller may manage it: 404 if they may not even see it, 403 if they only see it. */
	ActivityRow managed(ActivityRow a) {
		CurrentUser user = user();
		if (!manages(user, a)) {
			if (visible(user, a)) {
				throw new ForbiddenException("activity.error.organizer-only");
			}
			throw new NotFoundException();
		}
		return a;
	}

	ActivityRow managed(long id) {
		return managed(activities.find(id).orElseThrow(NotFoundException::new));
	}

	ActivityRow visible(long id) {
		ActivityRow a = activities.find(id).orElseThrow(NotFoundException::new);
		if (!visible(user(), a)) {
			throw new NotFoundException();
		}
		return a;
	}

	boolean visible(CurrentUser user, ActivityRow a) {
		if (manages(user, a)) {
			return true;
		}
		Optional<Candidate> me = candidate(user);
		if (me.isEmpty()) {
			return false;
		}
		if (activities.registration(a.id(), me.get().personId()).isPresent()) {
			return true;
		}
		Offer offer = offer(a);
		return rules.stream().filter(ActivityEligibilityRule::hides)
			.allMatch(r -> r.reason(offer, me.get()).isEmpty());
	}

	/** The caller as a participant: 422 for accounts without a person (a pure admin account). */
	Candidate requireCandidate() {
		return candidate(user()).orElseThrow(() -> new BusinessRuleException("activity.registration.error.no-person"));
	}

	Optional<Candidate> candidate(CurrentUser user) {
		return user.personId() == null ? Optional.empty() : candidate(user.personId());
	}

	Optional<Candidate> candidate(long personId) {
		return people.find(personId).filter(PersonFacts.Facts::active).flatMap(p -> orgs.find(p.organId())
			.map(organ -> new Candidate(p.id(), p.organId(), organ.path(), p.gender().name(), p.birthDate())));
	}

	Offer offer(ActivityRow a) {
		return offer(a, activities.audience(a.id()));
	}

	Offer offer(ActivityRow a, List<ActivityEligibilityRule.AudienceRoot> audience) {
		return new Offer(a.id(), a.type(), a.organizerOrgId(), a.clubId(), a.seriesId(), a.gender(), a.minAge(),
				a.maxAge(), a.startAt(), audience);
	}

	/** The first refusal of any rule; audience refusals first (they say the activity is not meant for them). */
	Optional<Refusal> refusal(Offer offer, Candidate person) {
		for (boolean hiding : new boolean[] { true, false }) {
			for (ActivityEligibilityRule rule : rules) {
				if (rule.hides() == hiding) {
					Optional<Text> reason = rule.reason(offer, person);
					if (reason.isPresent()) {
						return Optional.of(new Refusal(reason.get(), hiding));
					}
				}
			}
		}
		return Optional.empty();
	}

	record Refusal(Text message, boolean hides) {
	}

	/** The org an activity is organized by, if the caller administers it; 403 otherwise, 400 if there is none. */
	OrgSummary organizerFor(Long orgId) {
		CurrentUser user = user();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("activity.error.admin-only");
		}
		long id = orgId != null ? orgId : user.scope().adminGrants().get(0).orgId();
		OrgSummary org = orgs.find(id).filter(OrgSummary::active)
			.orElseThrow(() -> new InvalidValueException("organizerOrgId", "activity.error.organizer-missing"));
		if (user.scope().adminGrants().stream().noneMatch(g -> org.path().startsWith(g.orgPath()))) {
			throw new ForbiddenException("activity.error.out-of-scope", org.name());
		}
		return org;
	}
}
