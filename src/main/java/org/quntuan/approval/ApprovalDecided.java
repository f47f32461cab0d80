package org.quntuan.approval;

import java.time.OffsetDateTime;

/**
 * Published when an approval reaches an outcome: APPROVED, REJECTED, RETURNED (the applicant may
 * edit and {@linkplain ApprovalManagement#resubmit resubmit}) or WITHDRAWN.
 * <p>
 * Published synchronously inside the deciding transaction: a subject module's {@code @EventListener}
 * (not an after-commit listener) applies the outcome in the same transaction, so the decision and
 * its effect (a new leadership team, a posted expense) commit together or not at all. If the
 * listener refuses (throws), the decision is not recorded and the approver sees the message.
 */
public record ApprovalDecided(long approvalId, String subjectType, long subjectId, ApprovalStatus outcome,
		long decidedByAccountId, String comment, OffsetDateTime decidedAt) {
}
