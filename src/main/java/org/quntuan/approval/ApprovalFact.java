package org.quntuan.approval;

/** One key fact an approver reads on the approval page without a click through, e.g. 金额 → 4,999.00 元. */
public record ApprovalFact(String label, String value) {
}
