package org.quntuan.identity;

import java.io.Serializable;
import java.security.Principal;

/**
 * What the security context keeps of a signed-in account: its id and names only. Roles and org
 * paths are read from the database on each request, so a change of binding or a move of an
 * organization takes effect at once.
 */
record AccountPrincipal(long accountId, String username, String displayName, Long personId)
		implements Principal, Serializable {

	@Override
	public String getName() {
		return username;
	}
}
