package org.quntuan.notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.DataScope;
import org.quntuan.platform.ScopeGrant;

/**
 * Which information reports a caller sees, as SQL over {@code info_report r join org o}: their own
 * (as author), those of organs under their admin grants (a grant at a 工会/团组织/妇委会 reaches its
 * organ). Text fixed by the number of grants, values bound.
 */
record InfoReportScope(String sql, Map<String, Object> params) {

	static InfoReportScope of(DataScope scope, Long authorAccountId) {
		List<String> terms = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (authorAccountId != null) {
			terms.add("r.author_account_id = :me");
			params.put("me", authorAccountId);
		}
		int i = 0;
		for (ScopeGrant g : scope.adminGrants()) {
			String n = "g" + i++;
			if (g.organId() != null) {
				terms.add("r.organ_id = :" + n);
				params.put(n, g.organId());
			}
			else {
				terms.add("o.path like :" + n);
				params.put(n, g.orgPath() + "%");
			}
		}
		return terms.isEmpty() ? new InfoReportScope("1 = 0", Map.of())
				: new InfoReportScope("(" + String.join(" or ", terms) + ")", params);
	}
}
