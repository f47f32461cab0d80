package org.quntuan.notice.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ScopeGrant;

/**
 * The caller's admin subtrees as a bound SQL predicate ({@code (o.path like :p0 or o.path like :p1)}):
 * the SQL text names parameters only, the paths travel as values. Shared by notices and collections.
 */
public record NoticePaths(List<String> prefixes, List<Long> directOrgIds) {

	public static NoticePaths of(CurrentUser user) {
		List<ScopeGrant> grants = user.scope().adminGrants();
		return new NoticePaths(grants.stream().map(ScopeGrant::orgPath).distinct().toList(),
				grants.stream().map(ScopeGrant::orgId).distinct().toList());
	}

	public boolean isEmpty() {
		return prefixes.isEmpty();
	}

	public boolean covers(String path) {
		return path != null && prefixes.stream().anyMatch(path::startsWith);
	}

	/** A predicate on the column (e.g. {@code o.path}); false when there is no admin grant. */
	public String predicate(String column, String prefix) {
		if (prefixes.isEmpty()) {
			return "1 = 0";
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < prefixes.size(); i++) {
			parts.add(column + " like :" + prefix + i);
		}
		return "(" + String.join(" or ", parts) + ")";
	}

	public Map<String, Object> params(String prefix) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < prefixes.size(); i++) {
			params.put(prefix + i, prefixes.get(i) + "%");
		}
		return params;
	}

	/** For {@code in (:ids)}: never empty, so the SQL stays valid. */
	public List<Long> directOrgIdsOrNone() {
		return directOrgIds.isEmpty() ? List.of(-1L) : directOrgIds;
	}
}
