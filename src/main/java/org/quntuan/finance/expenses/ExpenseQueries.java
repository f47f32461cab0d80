package org.quntuan.finance.expenses;

import java.util.List;

import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.finance.budgets.Budgets;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.Coded;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Role;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of expenses, for those who read the book (auditors included) and the approvers, who do. */
@Service
@Transactional(readOnly = true)
public class ExpenseQueries {

	/** The most rows an export holds. */
	static final int EXPORT_LIMIT = 5000;

	private final ExpenseRepository expenses;

	private final FinanceAccess access;

	private final Budgets budgets;

	private final Categories categories;

	private final FileStorage files;

	ExpenseQueries(ExpenseRepository expenses, FinanceAccess access, Budgets budgets, Categories categories,
			FileStorage files) {
		this.expenses = expenses;
		this.access = access;
		this.budgets = budgets;
		this.categories = categories;
		this.files = files;
	}

	/** A book's expenses, newest first, optionally in one status (its code or its Chinese label). */
	PageResult<ExpenseViews.Item> list(long orgId, String status, PageRequest page) {
		access.readable(orgId);
		ExpenseStatus s = Coded.parse(ExpenseStatus.class, status);
		List<ExpenseViews.Item> items = expenses.page(orgId, s, page).stream().map(ExpenseQueries::item).toList();
		return PageResult.of(items, page, expenses.count(orgId, s));
	}

	/**
	 * The same list, whole (up to {@value #EXPORT_LIMIT} rows), for the Excel export: read on the standby
	 * when there is one; the book check stays on the primary.
	 */
	List<ExpenseViews.Item> all(long orgId, String status) {
		access.readable(orgId);
		return expenses.first(orgId, Coded.parse(ExpenseStatus.class, status), EXPORT_LIMIT).stream()
			.map(ExpenseQueries::item).toList();
	}

	ExpenseViews.View view(long id) {
		ExpenseRepository.Listed listed = expenses.listed(id).orElseThrow(ExpenseQueries::notFound);
		ExpenseRepository.Row row = listed.row();
		readable(access, row.orgId());
		String warning = null;
		if (row.status().isOpen()) {
			Category category = categories.find(row.categoryCode()).orElseThrow();
			warning = budgets.warningFor(row.orgId(), row.expenseDate().getYear(), category, row.amount()).orElse(null);
		}
		List<ExpenseViews.Receipt> receipts = files.ofOwner(Expenses.FILE_OWNER, id).stream()
			.map(f -> new ExpenseViews.Receipt(f.id(), f.originalName(), f.kind().label(), f.sizeBytes()))
			.toList();
		boolean applicant = row.applicantAccountId() == access.user().accountId();
		return new ExpenseViews.View(row.id(), row.orgId(), listed.orgName(), row.expenseDate(), row.categoryCode(),
				listed.categoryName(), row.amount().toPlainString(), row.purpose(), row.activityId(),
				listed.applicantName(), row.status().name(), row.status().label(), row.approvalId(), row.txnId(),
				warning, receipts, row.version(), row.createdAt(), row.updatedAt(),
				applicant && row.status() == ExpenseStatus.RETURNED, applicant && row.status().isOpen());
	}

	/** A receipt of an expense the caller may see. */
	Download receipt(long id, long fileId) {
		ExpenseRepository.Row row = expenses.find(id).orElseThrow(ExpenseQueries::notFound);
		readable(access, row.orgId());
		StoredFile file = files.find(fileId).orElseThrow(() -> new NotFoundException("finance.expense.error.receiptNotFound"));
		if (!Expenses.FILE_OWNER.equals(file.ownerType()) || file.ownerId() != id) {
			throw new NotFoundException("finance.expense.error.receiptNotFound");
		}
		return files.open(fileId);
	}

	/** Whether the caller keeps this book (files and edits expenses, records income, sets budgets). */
	public boolean keeps(OrgSummary book) {
		return access.covers(book, Role.FEDERATION_ADMIN, Role.ORG_ADMIN,
				Role.FINANCE_OFFICER);
	}

	/** The book of an expense, with the expense's own message when the caller may not read it. */
	static OrgSummary readable(FinanceAccess access, long orgId) {
		try {
			return access.readable(orgId);
		}
		catch (NotFoundException ex) {
			throw notFound();
		}
	}

	static NotFoundException notFound() {
		return new NotFoundException("finance.expense.error.notFound");
	}

	private static ExpenseViews.Item item(ExpenseRepository.Listed l) {
		ExpenseRepository.Row r = l.row();
		return new ExpenseViews.Item(r.id(), r.orgId(), l.orgName(), r.expenseDate(), r.categoryCode(), l.categoryName(),
				r.amount().toPlainString(), r.purpose(), l.applicantName(), r.status().name(), r.status().label(),
				r.approvalId(), r.txnId(), r.createdAt());
	}
}
