package org.quntuan.care.visits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.member.MemberQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a visit plan. Its organizers are the admins whose grants cover the paying book's
 * org (the federation's admins for the city's plan): they set the budget and see the whole list and
 * board. Admins whose grants meet the plan's area (the organ of a paying union, the 片组 or the whole
 * city) add their own people to the list, record their visits and see them on the list and the board.
 * To anyone else a plan does not exist (404).
 */
@Component
class VisitAccess {

	private final CurrentUserProvider users;

	private final VisitRepository plans;

	private final MemberQueries members;

	VisitAccess(CurrentUserProvider users, VisitRepository plans, MemberQueries members) {
		this.users = users;
		this.plans = plans;
		this.members = members;
	}

	CurrentUser current() {
		return users.current();
	}

	static boolean organizes(CurrentUser user, VisitRepository.PlanRow plan) {
		return user.scope().adminGrants().stream().anyMatch(g -> plan.bookOrgPath().startsWith(g.orgPath()));
	}

	/** Whether an admin grant of the caller lies in the plan's area or holds it. */
	static boolean reaches(CurrentUser user, VisitRepository.PlanRow plan) {
		return user.scope().adminGrants().stream().map(ScopeGrant::orgPath)
			.anyMatch(g -> g.startsWith(plan.areaOrgPath()) || plan.areaOrgPath().startsWith(g));
	}

	/** The plan if the caller sees it; 404 otherwise. */
	VisitRepository.PlanRow visible(long id) {
		CurrentUser user = users.current();
		VisitRepository.PlanRow plan = plans.plan(id).orElseThrow(NotFoundException::new);
		if (organizes(user, plan) || reaches(user, plan)) {
			return plan;
		}
		throw new NotFoundException();
	}

	/** The plan as its organizer; 403 for those who see it otherwise. */
	VisitRepository.PlanRow organized(long id) {
		VisitRepository.PlanRow plan = visible(id);
		if (!organizes(users.current(), plan)) {
			throw new ForbiddenException("visits.error.organizer-only");
		}
		return plan;
	}

	/** The recipients the caller sees of a plan they see: all for its organizers, else the people they administer. */
	SqlCondition people(VisitRepository.PlanRow plan) {
		CurrentUser user = users.current();
		return organizes(user, plan) ? SqlCondition.ALL : administeredPeople();
	}

	SqlCondition administeredPeople() {
		return members.administeredPeople("visitAdm");
	}

	/** A recipient the caller sees (on a plan they see); 404 otherwise. */
	VisitRepository.RecipientRow recipient(long recipientId) {
		VisitRepository.RecipientRow r = plans.recipient(recipientId).orElseThrow(NotFoundException::new);
		VisitRepository.PlanRow plan = visible(r.planId());
		if (!plans.personMatches(r.personId(), people(plan))) {
			throw new NotFoundException();
		}
		return r;
	}

	/** A recipient whose visit the caller may record or whom they may take off: one of the people they administer. */
	VisitRepository.RecipientRow administeredRecipient(long recipientId) {
		VisitRepository.RecipientRow r = recipient(recipientId);
		if (!plans.personMatches(r.personId(), administeredPeople())) {
			throw new ForbiddenException("visits.error.not-your-person", r.name());
		}
		return r;
	}

	/** The plans the caller sees, as a condition over {@code b} (the book's org) and {@code a} (the area org). */
	SqlCondition visiblePlans() {
		List<String> paths = users.current().scope().adminGrants().stream().map(ScopeGrant::orgPath).distinct().toList();
		List<SqlCondition> terms = new ArrayList<>();
		terms.add(SqlCondition.pathUnder("b.path", "visitBook", paths));
		terms.add(SqlCondition.pathUnder("a.path", "visitArea", paths));
		List<String> holds = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < paths.size(); i++) {
			holds.add(":visitGrant" + i + " like a.path || '%'");
			params.put("visitGrant" + i, paths.get(i));
		}
		if (!holds.isEmpty()) {
			terms.add(new SqlCondition(String.join(" or ", holds), params));
		}
		return SqlCondition.anyOf(terms);
	}
}
