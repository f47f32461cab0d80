package org.quntuan.approval;

import java.util.Map;

/**
 * What a module asks to have approved.
 *
 * @param subjectType the flow's subject type, e.g. {@code "REELECTION"}
 * @param subjectId the id of the module's own record
 * @param title shown in lists and notifications, e.g. "市财政局工会换届请示"
 * @param orgId the applicant organization (approvers are found relative to it)
 * @param orgPath its materialized path ({@code /1/7/42/}), for scoping and finding superiors
 * @param facts values a flow may branch on (e.g. {@code amount → "1280.50"}); never personal data
 */
public record ApprovalRequest(String subjectType, long subjectId, String title, long orgId, String orgPath,
		Map<String, String> facts) {

	public ApprovalRequest {
		facts = facts == null ? Map.of() : Map.copyOf(facts);
	}

	public ApprovalRequest(String subjectType, long subjectId, String title, long orgId, String orgPath) {
		this(subjectType, subjectId, title, orgId, orgPath, Map.of());
	}
}
