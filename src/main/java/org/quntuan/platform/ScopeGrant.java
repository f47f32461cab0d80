package org.quntuan.platform;

/**
 * One role held at one organization, resolved for the current request. The path is read from the
 * database on each request, never carried in a token, so a move of the organization takes effect at
 * once.
 *
 * @param organId for a union, league branch or women's committee, the organ it belongs to
 */
public record ScopeGrant(Role role, long orgId, String orgName, String orgType, String orgPath, ScopeKind kind,
		Long organId) {
}
