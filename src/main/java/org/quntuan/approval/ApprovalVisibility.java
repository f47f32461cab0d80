package org.quntuan.approval;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.Role;

/**
 * Who may read an approval besides its applicant and its approvers: the admins and auditors whose
 * organization covers the applicant organization.
 */
final class ApprovalVisibility {

	private ApprovalVisibility() {
	}

	/** @param auditorsToo whether the flow lets auditors read ({@link ApprovalFlow#readableByAuditors()}) */
	static boolean covers(CurrentUser user, String orgPath, boolean auditorsToo) {
		Role[] roles = auditorsToo ? new Role[] { Role.FEDERATION_ADMIN, Role.ORG_ADMIN, Role.AUDITOR }
				: new Role[] { Role.FEDERATION_ADMIN, Role.ORG_ADMIN };
		return user.scope().grantsFor(roles).stream().anyMatch(g -> orgPath.startsWith(g.orgPath()));
	}
}
