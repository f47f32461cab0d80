package org.quntuan.approval;

import java.time.OffsetDateTime;
import java.util.List;

/** What the approval pages and API show. */
public final class ApprovalViews {

	private ApprovalViews() {
	}

	/** An item waiting for the caller's decision. */
	public record PendingItem(long id, String subjectType, String subjectLabel, String title, String applicantName,
			String stepName, OffsetDateTime assignedAt, OffsetDateTime dueAt, boolean overdue, boolean bulkApprovable) {
	}

	/** One of the caller's own requests. */
	public record RequestItem(long id, String subjectType, String subjectLabel, String title, ApprovalStatus status,
			String statusLabel, String currentStepName, OffsetDateTime createdAt, OffsetDateTime decidedAt) {
	}

	public record Decided(String accountName, String decision, String decisionLabel, String comment,
			OffsetDateTime decidedAt) {
	}

	public record StepView(int seq, String name, String status, String statusLabel, String approverOrgName,
			boolean allRequired, OffsetDateTime activatedAt, OffsetDateTime dueAt, boolean overdue,
			List<Decided> decisions) {
	}

	public record HistoryEntry(OffsetDateTime at, String action, String actionLabel, String actorName,
			Integer stepSeq, String comment) {
	}

	/**
	 * An approval with its steps and history; the {@code can…} flags say what the caller may do.
	 */
	public record Detail(long id, String subjectType, String subjectLabel, long subjectId, String subjectLink,
			String title, long orgId, String applicantName, ApprovalStatus status, String statusLabel,
			OffsetDateTime createdAt, OffsetDateTime decidedAt, List<StepView> steps, List<HistoryEntry> history,
			boolean canDecide, boolean canWithdraw, boolean canResubmit, List<ApprovalFact> summary, String caveat) {
	}
}
