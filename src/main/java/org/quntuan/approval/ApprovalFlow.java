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

	/**
	 * The key facts of the subject as it is now (type, amount or org, dates, counts), shown on the
	 * approval page so that the approver sees what is being approved without a click through. Read
	 * live, so a subject edited after a return shows its new values. Names, no personal data.
	 */
	default List<ApprovalFact> summary(long subjectId) {
		return List.of();
	}

	/**
	 * Something the approver must knowingly waive to approve, e.g. an expense without receipts; null
	 * when there is nothing. Shown above the decision, and an approval without a comment (the reason
	 * for waiving, kept in the history) is refused with this text.
	 */
	default String approvalCaveat(long subjectId) {
		return null;
	}

	/**
	 * Whether the auditors (经审委员) above the applicant organization may read these approvals, as they
	 * read every other: false where the subject is personal (a member's hardship), which only the
	 * applicant, the approvers and the admins above see.
	 */
	default boolean readableByAuditors() {
		return true;
	}

	/** Whether an approver may approve many items of this flow at once from the list. */
	default boolean bulkApprovable() {
		return false;
	}
}
