package org.quntuan.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.ScopeKind;

/**
 * The events a reader of the log may see, as a SQL condition over {@code audit_event e} with fixed
 * text and bound values. The federation admin sees everything; an org admin the events whose
 * organization path lies under one of their admin grants, and their own actions. A grant at a union,
 * league branch or women's committee also reaches the events of its organ itself (people are
 * registered at the organ, so that is where their events are recorded), not those of the organ's
 * other mass organizations.
 */
record AuditScope(String sql, Map<String, Object> params) {

	static final AuditScope EVERYTHING = new AuditScope("1 = 1", Map.of());

	static AuditScope of(CurrentUser user) {
		// only a 工委管理员 grant at the root sees everything; one bound lower sees its subtree
		if (user.scope().grantsFor(Role.FEDERATION_ADMIN).stream().anyMatch(g -> "COMMITTEE".equals(g.orgType()))) {
			return EVERYTHING;
		}
		List<ScopeGrant> grants = user.scope().adminGrants();
		if (grants.isEmpty()) {
			throw new ForbiddenException("只有管理员可以查看审计日志");
		}
		List<String> terms = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		terms.add("e.account_id = :scopeSelf");
		params.put("scopeSelf", user.accountId());
		int i = 0;
		for (ScopeGrant g : grants) {
			String n = String.valueOf(i++);
			terms.add("e.org_path like :scopePath" + n);
			params.put("scopePath" + n, likePrefix(g.orgPath()));
			if (g.kind() != ScopeKind.SUBTREE) {
				terms.add("e.org_path = :scopeOrgan" + n);
				params.put("scopeOrgan" + n, parentOf(g.orgPath()));
			}
		}
		return new AuditScope("(" + String.join(" or ", terms) + ")", params);
	}

	/** Paths hold only digits and slashes; anything else is escaped all the same. */
	static String likePrefix(String path) {
		return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** "/1/7/42/" → "/1/7/" */
	static String parentOf(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		int slash = trimmed.lastIndexOf('/');
		return slash < 0 ? "/" : trimmed.substring(0, slash + 1);
	}
}
