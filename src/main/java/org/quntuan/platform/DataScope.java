package org.quntuan.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the caller may reach: their own person record and the grants of their role bindings.
 * Modules turn it into bound SQL parameters (a path prefix and typed values), never spliced text.
 */
public record DataScope(Long personId, Long personOrganId, List<ScopeGrant> grants) {

	public DataScope {
		grants = List.copyOf(grants);
	}

	public boolean has(Role role) {
		return grants.stream().anyMatch(g -> g.role() == role);
	}

	public boolean hasAny(Role... roles) {
		Set<Role> wanted = EnumSet.noneOf(Role.class);
		wanted.addAll(Arrays.asList(roles));
		return grants.stream().anyMatch(g -> wanted.contains(g.role()));
	}

	public List<ScopeGrant> grantsFor(Role... roles) {
		List<Role> wanted = Arrays.asList(roles);
		return grants.stream().filter(g -> wanted.contains(g.role())).toList();
	}

	/** Grants that let the caller manage people and organizations. */
	public List<ScopeGrant> adminGrants() {
		return grants.stream().filter(g -> g.role().administersPeople()).toList();
	}

	public boolean isAdmin() {
		return !adminGrants().isEmpty();
	}
}
