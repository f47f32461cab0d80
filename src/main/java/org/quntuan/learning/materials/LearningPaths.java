package org.quntuan.learning.materials;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;

/**
 * The audience conditions of learning, over {@code learning_assignment_audience au}. A person is in an
 * assignment's audience when an audience root is their organ or above it (the root's path is one of
 * the organ path's prefixes: a plain {@code in} on the stored path) or is a 工会 / 团组织 / 妇委会 of
 * their organ. An admin reaches an assignment whose audience lies in, or above, one of their grants.
 */
final class LearningPaths {

	private LearningPaths() {
	}

	/** "/1/7/42/" → "/1/", "/1/7/", "/1/7/42/". */
	static List<String> selfAndAncestors(String path) {
		List<String> result = new ArrayList<>();
		for (int i = 1; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				result.add(path.substring(0, i + 1));
			}
		}
		return result;
	}

	/** The audience rows that include a person of this organ (none without an organ). */
	static SqlCondition audienceOf(Long organId, String organPath, String name) {
		if (organId == null || organPath == null) {
			return SqlCondition.NONE;
		}
		return SqlCondition.of("au.org_path in (:" + name + "Paths)", name + "Paths", selfAndAncestors(organPath))
			.or(SqlCondition.of("au.member_organ_id = :" + name + "Organ", name + "Organ", organId));
	}

	/** The audience rows within or above the caller's admin grants (none without a grant). */
	static SqlCondition audienceAdministeredBy(CurrentUser user, String name) {
		List<String> grants = adminPaths(user);
		if (grants.isEmpty()) {
			return SqlCondition.NONE;
		}
		List<String> above = grants.stream().flatMap(p -> selfAndAncestors(p).stream()).distinct().toList();
		return SqlCondition.of("au.org_path in (:" + name + "Above)", name + "Above", above)
			.or(SqlCondition.pathUnder("au.org_path", name + "Below", grants));
	}

	static List<String> adminPaths(CurrentUser user) {
		return user.scope().adminGrants().stream().map(ScopeGrant::orgPath).distinct().toList();
	}

	static boolean covers(CurrentUser user, String path) {
		return path != null && adminPaths(user).stream().anyMatch(path::startsWith);
	}
}
