package org.quntuan.approval;

import org.quntuan.platform.Role;

/**
 * A role at an organization found relative to the applicant organization, resolved when the step
 * becomes active. If no enabled account other than the applicant (and those who decided earlier
 * steps) holds the role there, the search goes on upward, ending with the federation's admins.
 */
public record ApproverRule(Role role, Reach reach) {

	public enum Reach {
		/** The applicant organization itself, then upward. */
		ORG_ITSELF,
		/** The nearest higher organization with the role (the superior), then upward. */
		SUPERIOR,
		/** The 片组 above the applicant organization, then upward. */
		GROUP,
		/** The root organization (机关工委). */
		FEDERATION
	}

	public static ApproverRule superior(Role role) {
		return new ApproverRule(role, Reach.SUPERIOR);
	}

	public static ApproverRule federation() {
		return new ApproverRule(Role.FEDERATION_ADMIN, Reach.FEDERATION);
	}
}
