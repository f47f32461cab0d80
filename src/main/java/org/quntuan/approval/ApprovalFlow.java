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

	/**
	 * Whether a returned request is resubmitted only from the subject's own page (which edits the
	 * subject and resubmits in one step), never from the approval pages: then an approver can never
	 * decide a subject whose module has not seen the resubmission.
	 */
	default boolean resubmittedOnItsPage() {
		return false;
	}

	/** Whether an approver may approve many items of this flow at once from the list. */
	default boolean bulkApprovable() {
		return false;
	}
}
