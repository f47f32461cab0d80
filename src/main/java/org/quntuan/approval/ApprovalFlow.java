package org.quntuan.approval;

import java.util.List;

/**
 * A flow defined in code by the module that owns the subject; register it as a Spring bean.
 */
public interface ApprovalFlow {

	/** The subject type this flow serves, unique across the platform, e.g. {@code "REELECTION"}. */
	String subjectType();

	/** Chinese name of the subject type for lists and filters, e.g. "换届请示". */
	String label();

	/** The steps for one request, in order; may depend on {@link ApprovalRequest#facts()}. At least one. */
	List<ApprovalStep> steps(ApprovalRequest request);

	/** The page that shows the subject, for links from the approval pages. */
	String link(long subjectId);

	/** Whether an approver may approve many items of this flow at once from the list. */
	default boolean bulkApprovable() {
		return false;
	}
}
