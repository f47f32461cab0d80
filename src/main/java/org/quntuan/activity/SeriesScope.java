package org.quntuan.activity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ScopeGrant;

/**
 * Which activities (alias {@code a}) a caller may see on the series and club pages: those organized
 * in the subtree of one of their grants, and those whose audience covers their own organ.
 */
record SeriesScope(String sql, Map<String, Object> params) {

	static SeriesScope of(CurrentUser user, OrganizationQueries orgs) {
		List<String> parts = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		int i = 0;
		for (ScopeGrant grant : user.scope().grants()) {
			parts.add("a.organizer_path like :sg" + i);
			params.put("sg" + i, grant.orgPath() + "%");
			i++;
		}
		Long organ = user.scope().personOrganId();
		String organPath = organ == null ? null : orgs.find(organ).map(OrgSummary::path).orElse(null);
		if (organPath != null) {
			parts.add("exists (select 1 from activity_audience au where au.activity_id = a.id"
					+ " and (au.member_organ_id = :sorgan or :sopath like (au.org_path || '%')))");
			params.put("sorgan", organ);
			params.put("sopath", organPath);
		}
		return new SeriesScope(parts.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parts) + ")", params);
	}
}
