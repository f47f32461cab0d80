/**
 * Union funds 工会经费: the append-only double-entry journal of every union, group and the
 * federation; dues sheets, recorded income, expenses through approvals, budgets, statements, the
 * year-end close and the audits of the funds review committee 经审委员会.
 */
@org.springframework.modulith.ApplicationModule(displayName = "工会经费")
package org.quntuan.finance;
