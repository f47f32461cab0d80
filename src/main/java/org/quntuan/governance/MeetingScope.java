package org.quntuan.governance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Which meetings a caller reaches, as SQL over {@code meeting m} with bound values only.
 * <ul>
 * <li>An admin manages the meetings of the orgs of their admin subtree: a grant at a 工会 / 团组织 /
 * 妇委会 covers that org's meetings only; at an organ, the organ's and its mass orgs'; at a group,
 * those of the group and of every organ below; at the committee, all.</li>
 * <li>Everyone reads the meetings they are invited to, and the <em>published</em> minutes of the
 * meetings of "their" orgs: the orgs of their own organ (its 工会, 团组织, 妇委会 and the organ itself)
 * and the group and committee above it. We deliberately count every person of the organ, not only
 * the union members of a union: minutes are meant to be open to the staff (党务公开 practice).</li>
 * </ul>
 */
@Component
class MeetingScope {

	private final OrganizationQueries orgs;

	MeetingScope(OrganizationQueries orgs) {
		this.orgs = orgs;
	}

	SqlCondition administered(CurrentUser user) {
		List<String> terms = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		int i = 0;
		for (ScopeGrant g : user.scope().adminGrants()) {
			String n = "adm" + i++;
			switch (g.orgType()) {
				case COMMITTEE -> terms.add("1 = 1");
				case GROUP -> {
					List<Long> organs = orgs.organIdsBelow(g.orgPath());
					terms.add("(m.org_id = :" + n + " or m.organ_id in (:" + n + "Organs))");
					params.put(n, g.orgId());
					params.put(n + "Organs", organs.isEmpty() ? List.of(-1L) : organs);
				}
				case ORGAN -> {
					terms.add("m.organ_id = :" + n);
					params.put(n, g.orgId());
				}
				default -> {
					terms.add("m.org_id = :" + n);
					params.put(n, g.orgId());
				}
			}
		}
		return terms.isEmpty() ? SqlCondition.NONE
				: new SqlCondition("(" + String.join(" or ", terms) + ")", params);
	}

	/** Administered, invited to, or published minutes of one's own orgs. */
	SqlCondition readable(CurrentUser user) {
		SqlCondition admin = administered(user);
		List<String> terms = new ArrayList<>(List.of(admin.sql()));
		Map<String, Object> params = new HashMap<>(admin.params());
		if (user.personId() != null) {
			terms.add("exists (select 1 from meeting_invitee i where i.meeting_id = m.id and i.person_id = :me)");
			params.put("me", user.personId());
		}
		Long organ = user.scope().personOrganId();
		if (organ != null) {
			terms.add("(m.minutes_published_at is not null and (m.organ_id = :myOrgan or (m.organ_id is null and m.org_id in (:myAncestors))))");
			params.put("myOrgan", organ);
			params.put("myAncestors", ancestors(organ));
		}
		return new SqlCondition("(" + String.join(" or ", terms) + ")", params);
	}

	/** The orgs on the path of an organ (ids of its materialized path). */
	List<Long> ancestors(long organId) {
		List<Long> ids = new ArrayList<>();
		orgs.find(organId).ifPresent(o -> {
			for (String part : o.path().split("/")) {
				if (!part.isEmpty()) {
					ids.add(Long.valueOf(part));
				}
			}
		});
		return ids.isEmpty() ? List.of(-1L) : ids;
	}

	boolean canManage(long orgId) {
		return orgs.find(orgId).map(orgs::canManage).orElse(false);
	}

	boolean isMembersOrg(CurrentUser user, long orgId, Long organId) {
		Long own = user.scope().personOrganId();
		if (own == null) {
			return false;
		}
		return organId != null ? organId.equals(own) : ancestors(own).contains(orgId);
	}

	/** The organ a meeting of this org belongs to: itself, the parent of a mass org, none above. */
	static Long organOf(OrgSummary org) {
		return org.type() == OrgType.ORGAN || org.type().isMassOrganization() ? org.organId() : null;
	}
}
