/**
 * Generic multi-step approvals. It knows nothing of its users: a module defines an {@link
 * org.quntuan.approval.ApprovalFlow} per subject type, calls {@link
 * org.quntuan.approval.ApprovalManagement#request} inside its own transaction and listens for
 * {@link org.quntuan.approval.ApprovalDecided}. Who may decide is resolved through {@link
 * org.quntuan.approval.ApproverDirectory}, which the identity module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "审批")
package org.quntuan.approval;
