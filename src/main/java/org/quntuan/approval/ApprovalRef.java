package org.quntuan.approval;

/** The approval a module's request created; carry {@code id} as {@code approvalId} in responses. */
public record ApprovalRef(long id, ApprovalStatus status) {
}
