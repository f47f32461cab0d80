package org.quntuan.care.mutualaid;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.member.MemberQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.OrgLevel;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the mutual-aid plans. The federation admin (工委管理员 at the root) sets up a plan
 * and splits its target. Admins (工委管理员, 组织管理员) enrol the people they administer and see the
 * board of the organs their grants reach (a 片组's admin: the group's organs; a union's admin: its
 * organ); the city's figures are shown to all of them. A payment is recorded by those who keep the
 * book of the organ's union (finance module). Everyone signed in sees the list of plans.
 */
@Component
class MutualAidAccess {

	private final CurrentUserProvider users;

	private final MemberQueries members;

	private final MutualAidRepository plans;

	MutualAidAccess(CurrentUserProvider users, MemberQueries members, MutualAidRepository plans) {
		this.users = users;
		this.members = members;
		this.plans = plans;
	}

	CurrentUser current() {
		return users.current();
	}

	static boolean isFederation(CurrentUser user) {
		return user.scope().grantsFor(Role.FEDERATION_ADMIN).stream().anyMatch(ScopeGrant::atRoot);
	}

	boolean isFederation() {
		return isFederation(users.current());
	}

	boolean isAdmin() {
		return users.current().scope().isAdmin();
	}

	/** The caller as the federation admin; 403 for anyone else. */
	CurrentUser requireFederation() {
		CurrentUser user = users.current();
		if (!isFederation(user)) {
			throw new ForbiddenException("mutualaid.error.federation-only");
		}
		return user;
	}

	/** The caller as an admin of people; 403 for anyone else. */
	CurrentUser requireAdmin() {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("mutualaid.error.admin-only");
		}
		return user;
	}

	MutualAidRepository.PlanRow plan(long id) {
		return plans.find(id).orElseThrow(NotFoundException::new);
	}

	/** The organs (over {@code o}) the caller's admin grants reach. */
	SqlCondition organs(CurrentUser user) {
		List<SqlCondition> terms = new ArrayList<>();
		List<String> paths = new ArrayList<>();
		int i = 0;
		for (ScopeGrant g : user.scope().adminGrants()) {
			if (g.atRoot()) {
				return SqlCondition.ALL;
			}
			boolean mass = g.orgType() == OrgLevel.UNION || g.orgType() == OrgLevel.LEAGUE || g.orgType() == OrgLevel.WOMEN;
			if (mass && g.organId() != null) {
				terms.add(SqlCondition.of("o.id = :organ" + i, "organ" + i, g.organId()));
				i++;
			}
			else if (!mass) {
				paths.add(g.orgPath());
			}
		}
		terms.add(SqlCondition.pathUnder("o.path", "reach", paths));
		return SqlCondition.anyOf(terms);
	}

	/** The people the caller administers (over {@code p}). */
	SqlCondition people() {
		return members.administeredPeople("adm");
	}
}
