package org.quntuan.audit;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.ScopeKind;
import org.quntuan.platform.SqlCondition;

/**
 * The events a reader of the log may see, as a SQL condition over {@code audit_event e} with fixed
 * text and bound values. The federation admin sees everything; an org admin the events whose
 * organization path lies under one of their admin grants, and their own actions. A grant at a union,
 * league branch or women's committee also reaches the events of its organ itself (people are
 * registered at the organ, so that is where their events are recorded), not those of the organ's
 * other mass organizations.
 */
final class AuditScope {

	private AuditScope() {
	}

	static SqlCondition of(CurrentUser user) {
		// only a 工委管理员 grant at the root sees everything; one bound lower sees its subtree
		if (user.scope().grantsFor(Role.FEDERATION_ADMIN).stream().anyMatch(ScopeGrant::atRoot)) {
			return SqlCondition.ALL;
		}
		List<ScopeGrant> grants = user.scope().adminGrants();
		if (grants.isEmpty()) {
			throw new ForbiddenException("audit.forbidden");
		}
		List<SqlCondition> terms = new ArrayList<>();
		terms.add(SqlCondition.of("e.account_id = :scopeSelf", "scopeSelf", user.accountId()));
		int i = 0;
		for (ScopeGrant g : grants) {
			String n = String.valueOf(i++);
			terms.add(SqlCondition.of("e.org_path like :scopePath" + n, "scopePath" + n, SqlCondition.likePrefix(g.orgPath())));
			if (g.kind() != ScopeKind.SUBTREE) {
				terms.add(SqlCondition.of("e.org_path = :scopeOrgan" + n, "scopeOrgan" + n, parentOf(g.orgPath())));
			}
		}
		return SqlCondition.anyOf(terms);
	}

	/** "/1/7/42/" → "/1/7/" */
	static String parentOf(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		int slash = trimmed.lastIndexOf('/');
		return slash < 0 ? "/" : trimmed.substring(0, slash + 1);
	}
}
