package org.quntuan.finance.expenses;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.quntuan.approval.ApprovalDecided;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.Journal;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Texts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an expense approval's outcome inside the deciding transaction. Approved: the expense is
 * posted to the journal (once: posting is idempotent on the expense) and marked with its entry; if
 * the book's year has been closed meanwhile the posting is refused, and with it the decision.
 */
@Component
class ExpenseOutcomes {

	private final ExpenseRepository expenses;

	private final Journal journal;

	private final Categories categories;

	private final AuditLog audit;

	private final Clock clock;

	ExpenseOutcomes(ExpenseRepository expenses, Journal journal, Categories categories, AuditLog audit, Clock clock) {
		this.expenses = expenses;
		this.journal = journal;
		this.categories = categories;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void on(ApprovalDecided decided) {
		if (!ExpenseFlow.SUBJECT.equals(decided.subjectType())) {
			return;
		}
		ExpenseRepository.Row row = expenses.lock(decided.subjectId()).orElseThrow(ExpenseQueries::notFound);
		if (row.approvalId() != null && row.approvalId() != decided.approvalId()) {
			throw new BusinessRuleException("finance.expense.error.staleApproval");
		}
		ExpenseStatus to = switch (decided.outcome()) {
			case APPROVED -> ExpenseStatus.APPROVED;
			case REJECTED -> ExpenseStatus.REJECTED;
			case RETURNED -> ExpenseStatus.RETURNED;
			case WITHDRAWN -> ExpenseStatus.WITHDRAWN;
			default -> null;
		};
		if (to == null || row.status() == to) {
			return;
		}
		// a returned expense may have been resubmitted unchanged from the approval page, which tells nobody
		if (!row.status().isOpen()) {
			throw new BusinessRuleException("finance.expense.error.cannotBecome", row.status(), to);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		Long txnId = null;
		if (to == ExpenseStatus.APPROVED) {
			Category category = categories.find(row.categoryCode()).orElseThrow();
			txnId = journal.post(Journal.simple(row.orgId(), row.expenseDate(), category, row.amount(), null,
					row.purpose(), ExpenseFlow.SUBJECT, row.id(), "POST", decided.decidedByAccountId())).txnId();
			audit.record(AuditType.CREATE, "FIN_TXN", txnId, AuditLog.SUCCESS, Texts.chinese("finance.expense.audit.posted", row.id(),
					category.name(), Amounts.format(row.amount())), row.orgPath());
		}
		expenses.setStatus(row.id(), to, txnId, now);
	}
}
