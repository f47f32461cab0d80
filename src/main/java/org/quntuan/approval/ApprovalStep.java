package org.quntuan.approval;

import java.time.Duration;

/**
 * One step of a flow.
 *
 * @param name Chinese name shown in the timeline, e.g. "片组审批"
 * @param approvers who decides, relative to the applicant organization
 * @param allMustAgree true: every approver found must approve; false: the first decision counts
 * @param dueIn time allowed from activation, or null for no deadline
 */
public record ApprovalStep(String name, ApproverRule approvers, boolean allMustAgree, Duration dueIn) {

	public static ApprovalStep anyOf(String name, ApproverRule approvers, Duration dueIn) {
		return new ApprovalStep(name, approvers, false, dueIn);
	}
}
