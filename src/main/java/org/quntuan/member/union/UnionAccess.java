package org.quntuan.member.union;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.ScopeKind;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who keeps the union membership of which organs, the only place that rule lives: the admins of an organ's
 * 工会, the admins of the organ itself or of the 片组 above it, and the federation. A union's admin reaches
 * only the union's members elsewhere; here they reach everyone of their organ, since the people who apply
 * to join are not members yet. League and women's committee admins keep no union membership.
 */
@Component
class UnionAccess {

	private final CurrentUserProvider users;

	private final OrganizationQueries orgs;

	UnionAccess(CurrentUserProvider users, OrganizationQueries orgs) {
		this.users = users;
		this.orgs = orgs;
	}

	CurrentUser user() {
		return users.current();
	}

	/** The organs whose union membership the caller keeps, as a condition over {@code column}. */
	SqlCondition organs(String column, String prefix) {
		List<SqlCondition> terms = new ArrayList<>();
		int i = 0;
		for (ScopeGrant g : users.current().scope().adminGrants()) {
			String name = prefix + i++;
			if (g.kind() == ScopeKind.SUBTREE) {
				if (g.atRoot()) {
					return SqlCondition.ALL;
				}
				List<Long> below = orgs.organIdsBelow(g.orgPath());
				terms.add(below.isEmpty() ? SqlCondition.NONE : SqlCondition.of(column + " in (:" + name + ")", name, below));
			}
			else if (g.kind() == ScopeKind.UNION_MEMBERS && g.organId() != null) {
				terms.add(SqlCondition.of(column + " = :" + name, name, g.organId()));
			}
		}
		return terms.isEmpty() ? SqlCondition.NONE : SqlCondition.anyOf(terms);
	}

	/** Whether the caller keeps the union membership of this organ. */
	boolean keeps(long organId) {
		for (ScopeGrant g : users.current().scope().adminGrants()) {
			if (g.kind() == ScopeKind.SUBTREE && (g.atRoot() || orgs.organIdsBelow(g.orgPath()).contains(organId))
					|| g.kind() == ScopeKind.UNION_MEMBERS && g.organId() != null && g.organId() == organId) {
				return true;
			}
		}
		return false;
	}

	/** Whether the caller keeps any union's membership (the review pages and their nav entries). */
	boolean keepsAny() {
		return users.current().scope().adminGrants().stream()
			.anyMatch(g -> g.kind() == ScopeKind.SUBTREE || g.kind() == ScopeKind.UNION_MEMBERS);
	}

	CurrentUser requireKeeper() {
		if (!keepsAny()) {
			throw new ForbiddenException("union.error.keepers-only");
		}
		return users.current();
	}

	/** The signed-in person: 403 for an account without a person record. */
	long requirePerson() {
		Long person = users.current().personId();
		if (person == null) {
			throw new ForbiddenException("union.error.person-only");
		}
		return person;
	}
}
