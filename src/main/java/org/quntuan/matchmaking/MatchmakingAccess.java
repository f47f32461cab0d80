package org.quntuan.matchmaking;

import java.util.List;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.OrgLevel;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may do what in matchmaking. A profile's reviewers are the org admins of its organ's 工会 or 妇委会
 * and the work committee's admins (an admin grant at the root); an admin of another organ, or of the
 * organ itself but not of its union or women's committee, does not see it (404). Only the work
 * committee's reviewers read reports. Members act on their own profile only, and see other profiles only
 * while their own is approved and listed.
 */
@Component
class MatchmakingAccess {

	private final CurrentUserProvider users;

	MatchmakingAccess(CurrentUserProvider users) {
		this.users = users;
	}

	CurrentUser current() {
		return users.current();
	}

	/** The caller's person: matchmaking is for people, not for accounts without one. */
	long person(CurrentUser user) {
		if (user.personId() == null) {
			throw new ForbiddenException("matchmaking.error.no-person");
		}
		return user.personId();
	}

	/** The work committee's reviewers: an admin grant at the root. */
	static boolean federation(CurrentUser user) {
		return user.scope().adminGrants().stream().anyMatch(ScopeGrant::atRoot);
	}

	/** The organs whose applicants the caller reviews through a 工会 or 妇委会 admin grant. */
	static List<Long> reviewedOrgans(CurrentUser user) {
		return user.scope().grantsFor(Role.ORG_ADMIN).stream()
			.filter(g -> (g.orgType() == OrgLevel.UNION || g.orgType() == OrgLevel.WOMEN) && g.organId() != null)
			.map(ScopeGrant::organId).distinct().toList();
	}

	static boolean reviewer(CurrentUser user) {
		return federation(user) || !reviewedOrgans(user).isEmpty();
	}

	static boolean reviews(CurrentUser user, ProfileRow profile) {
		return federation(user) || reviewedOrgans(user).contains(profile.organId());
	}

	/** The profiles the caller reviews, over {@code matchmaking_profile mp}. */
	static SqlCondition reviewScope(CurrentUser user) {
		if (federation(user)) {
			return SqlCondition.ALL;
		}
		List<Long> organs = reviewedOrgans(user);
		return organs.isEmpty() ? SqlCondition.NONE : SqlCondition.of("mp.organ_id in (:reviewedOrgans)", "reviewedOrgans",
				organs);
	}

	void requireReviewer(CurrentUser user) {
		if (!reviewer(user)) {
			throw new ForbiddenException("matchmaking.review.error.reviewers-only");
		}
	}
}
