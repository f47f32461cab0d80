package org.quntuan.approval;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds who holds a role where a step needs it; implemented by the identity module. */
public interface ApproverDirectory {

	/**
	 * The nearest organization, per the rule, where enabled accounts other than {@code excluded}, and
	 * other than anyone the excluded granted a role to (directly or through an appointee), hold the
	 * role; falls back to the federation admins at the root. Empty only if nobody at all is left.
	 */
	Optional<Approvers> resolve(ApproverRule rule, String applicantOrgPath, Set<Long> excluded);

	record Approvers(long orgId, String orgName, List<Long> accountIds) {
	}
}
