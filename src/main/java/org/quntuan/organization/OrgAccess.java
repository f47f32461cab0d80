package org.quntuan.organization;

import java.util.List;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.springframework.stereotype.Component;

/** Who may see and change which organization; decided on the server for every request. */
@Component
class OrgAccess {

	private final OrgRepository orgs;

	private final CurrentUserProvider users;

	OrgAccess(OrgRepository orgs, CurrentUserProvider users) {
		this.orgs = orgs;
		this.users = users;
	}

	/** The organization if the caller may see it; 404 otherwise, with no hint that it exists. */
	OrgSummary visible(long id) {
		CurrentUser user = users.current();
		if (!orgs.isVisible(id, user.scope().grants(), user.scope().personOrganId())) {
			throw new NotFoundException();
		}
		return orgs.findById(id).orElseThrow(NotFoundException::new);
	}

	boolean canManage(OrgSummary org) {
		return adminGrants().stream().anyMatch(g -> org.path().startsWith(g.orgPath()));
	}

	void requireManage(OrgSummary org) {
		if (!canManage(org)) {
			throw new ForbiddenException("organization.access.error.manage");
		}
	}

	/** Moving needs a grant strictly above the org that also covers the new parent. */
	void requireMove(OrgSummary org, OrgSummary newParent) {
		boolean allowed = adminGrants().stream()
			.anyMatch(g -> org.path().startsWith(g.orgPath()) && !org.path().equals(g.orgPath())
					&& newParent.path().startsWith(g.orgPath()));
		if (!allowed) {
			throw new ForbiddenException("organization.access.error.move");
		}
	}

	private List<ScopeGrant> adminGrants() {
		return users.current().scope().adminGrants();
	}
}
