package org.quntuan.activity.series;

import java.util.Map;

import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;

/**
 * Which activities (alias {@code a}) a caller may see on the series and club pages: those organized
 * in the subtree of one of their grants, and those whose audience covers their own organ.
 */
final class SeriesScope {

	private SeriesScope() {
	}

	static SqlCondition of(CurrentUser user, OrganizationQueries orgs) {
		SqlCondition organized = SqlCondition.pathUnder("a.organizer_path", "sg",
				user.scope().grants().stream().map(ScopeGrant::orgPath).toList());
		Long organ = user.scope().personOrganId();
		String organPath = organ == null ? null : orgs.find(organ).map(OrgSummary::path).orElse(null);
		if (organPath == null) {
			return organized;
		}
		SqlCondition audience = new SqlCondition("exists (select 1 from activity_audience au where au.activity_id = a.id"
				+ " and (au.member_organ_id = :sorgan or :sopath like (au.org_path || '%')))",
				Map.of("sorgan", organ, "sopath", organPath));
		return organized.or(audience);
	}
}
