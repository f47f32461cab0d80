package org.quntuan.activity.clubs;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.identity.PersonAccounts;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who sees and runs which club. A club sponsored by the federation is open to everyone; one sponsored
 * by an organ's union to the people of that organ. Admins see the clubs under their grants and manage
 * them with the leader; members always see their own clubs.
 */
@Component
class ClubAccess {

	/** The club (c), its sponsor (s) and the sponsor's parent (sp), for {@link #visibleSql}. */
	static final String FROM = " from club c join org s on s.id = c.sponsor_org_id left join org sp on sp.id = s.parent_id";

	/** The subtree whose people a club is for: a union's organ, else the sponsor itself. */
	private static final String REACH = "(case when s.type in ('UNION', 'LEAGUE', 'WOMEN') then sp.path else s.path end)";

	record ClubRef(long id, String name, long leaderPersonId, String sponsorPath, String status) {
	}

	private final ClubRepository clubs;

	private final CurrentUserProvider users;

	private final OrganizationQueries orgs;

	private final PersonAccounts accounts;

	ClubAccess(ClubRepository clubs, CurrentUserProvider users, OrganizationQueries orgs, PersonAccounts accounts) {
		this.clubs = clubs;
		this.users = users;
		this.orgs = orgs;
		this.accounts = accounts;
	}

	SqlCondition visibleSql(CurrentUser user) {
		List<SqlCondition> parts = new ArrayList<>();
		parts.add(SqlCondition.pathUnder("s.path", "cg", user.scope().grants().stream().map(ScopeGrant::orgPath).toList()));
		String organPath = organPath(user);
		if (organPath != null) {
			parts.add(SqlCondition.of(":copath like (" + REACH + " || '%')", "copath", organPath));
		}
		if (user.personId() != null) {
			parts.add(SqlCondition.of("(c.leader_person_id = :cme or exists (select 1 from club_member cm where cm.club_id = c.id"
					+ " and cm.person_id = :cme))", "cme", user.personId()));
		}
		return SqlCondition.anyOf(parts);
	}

	/** The club if the caller may see it; 404 otherwise. */
	ClubRef visible(long id) {
		SqlCondition p = visibleSql(users.current());
		return clubs.find(id, p).orElseThrow(NotFoundException::new);
	}

	/** The leader, or an admin whose grant covers the sponsor. */
	boolean canManage(ClubRef club) {
		CurrentUser user = users.current();
		return user.isSelf(club.leaderPersonId()) || administers(user, club.sponsorPath());
	}

	boolean administers(CurrentUser user, String orgPath) {
		return user.scope().adminGrants().stream().anyMatch(g -> orgPath.startsWith(g.orgPath()));
	}

	ClubRef manageable(long id) {
		ClubRef club = visible(id);
		if (!canManage(club)) {
			throw new ForbiddenException("activity.club.error.manage-forbidden");
		}
		return club;
	}

	/** The path of the subtree a sponsor stands for: the organ of a union, the committee itself. */
	String reachOf(OrgSummary sponsor) {
		if (sponsor.type().isMassOrganization()) {
			return orgs.find(sponsor.parentId()).map(OrgSummary::path).orElse(sponsor.path());
		}
		return sponsor.path();
	}

	String organPath(CurrentUser user) {
		Long organ = user.scope().personOrganId();
		return organ == null ? null : orgs.find(organ).map(OrgSummary::path).orElse(null);
	}

	/** Clubs' ids whose sponsor the caller administers, as SQL over alias s. */
	SqlCondition administeredSql(CurrentUser user) {
		return SqlCondition.pathUnder("s.path", "ca", user.scope().adminGrants().stream().map(ScopeGrant::orgPath).toList());
	}

	/** The enabled account of a person, for notifications (null if none). */
	Long accountOf(long personId) {
		return accounts.accountsOf(List.of(personId)).get(personId);
	}
}
