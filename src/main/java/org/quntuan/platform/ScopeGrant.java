package org.quntuan.platform;

/**
 * One role held at one organization, resolved for the current request. The path is read from the
 * database on each request, never carried in a token, so a move of the organization takes effect at
 * once.
 *
 * @param organId for a union, league branch or women's committee, the organ it belongs to
 */
public record ScopeGrant(Role role, long orgId, String orgName, OrgLevel orgType, String orgPath, ScopeKind kind,
		Long organId) {

	/** Held at the committee, the root of the tree: reaches everything. */
	public boolean atRoot() {
		return orgType == OrgLevel.COMMITTEE;
	}
}
