package org.quntuan.notice.inforeports;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.DataScope;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;

/**
 * Which information reports a caller sees, as SQL over {@code info_report r join org o}: their own
 * (as author), those of organs under their admin grants (a grant at a 工会/团组织/妇委会 reaches its
 * organ). Text fixed by the number of grants, values bound.
 */
final class InfoReportScope {

	private InfoReportScope() {
	}

	static SqlCondition of(DataScope scope, Long authorAccountId) {
		List<SqlCondition> terms = new ArrayList<>();
		if (authorAccountId != null) {
			terms.add(SqlCondition.of("r.author_account_id = :me", "me", authorAccountId));
		}
		int i = 0;
		for (ScopeGrant g : scope.adminGrants()) {
			String n = "g" + i++;
			terms.add(g.organId() != null ? SqlCondition.of("r.organ_id = :" + n, n, g.organId())
					: SqlCondition.of("o.path like :" + n, n, SqlCondition.likePrefix(g.orgPath())));
		}
		return SqlCondition.anyOf(terms);
	}
}
