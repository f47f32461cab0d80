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

	static boolean covers(CurrentUser user, String orgPath) {
		return user.scope().grantsFor(Role.FEDERATION_ADMIN, Role.ORG_ADMIN, Role.AUDITOR).stream()
			.anyMatch(g -> orgPath.startsWith(g.orgPath()));
	}
}
