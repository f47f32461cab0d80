package org.quntuan.finance.budgets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.finance.Statements;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 预算: per book, year and expense category; budget against what the journal says was spent. */
@Service
@Transactional
public class Budgets {

	private final BudgetRepository budgets;

	private final FinanceAccess access;

	private final Categories categories;

	private final Clock clock;

	private final AuditLog audit;

	Budgets(BudgetRepository budgets, FinanceAccess access, Categories categories, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.budgets = budgets;
		this.access = access;
		this.categories = categories;
		this.clock = clock;
	}

	/** Sets (or, with zero, keeps at zero) one budget line of a book the caller keeps. */
	public void set(long orgId, int year, String category, String amount) {
		OrgSummary book = access.keepable(orgId);
		if (year < 2000 || year > 2100) {
			throw new InvalidValueException("year", "finance.common.error.year-range");
		}
		Category c = categories.require("category", category, Category.Kind.EXPENSE);
		BigDecimal value = Amounts.nonNegative("amount", amount);
		int updated = budgets.update(book.id(), year, c.code(), value, OffsetDateTime.now(clock),
				access.user().accountId());
		if (updated == 0) {
			budgets.insert(book.id(), year, c.code(), value, OffsetDateTime.now(clock), access.user().accountId());
		}
		audit.record(updated == 0 ? AuditType.CREATE : AuditType.UPDATE, "FIN_BOOK", book.id(), AuditLog.SUCCESS,
				Texts.chinese("finance.budget.record.set", book.name(), year, c.name(), Amounts.format(value)), book.path());
	}

	/** Budget against actual of one book for a year, every active expense category. */
	@Transactional(readOnly = true)
	public List<Statements.BudgetLine> execution(long orgId, int year) {
		access.readable(orgId);
		return execution(budgets.primary(), orgId, year);
	}

	/** {@link #execution} for the Excel file: read on the standby when there is one; the book check stays on the primary. */
	@Transactional(readOnly = true)
	List<Statements.BudgetLine> executionToExport(long orgId, int year) {
		access.readable(orgId);
		return execution(budgets.standby(), orgId, year);
	}

	private List<Statements.BudgetLine> execution(BudgetRepository.Figures figures, long orgId, int year) {
		return categories.active(Category.Kind.EXPENSE).stream()
			.map(c -> Statements.line(c.code(), c.name(), figures.find(orgId, year, c.code()).orElse(null),
					figures.spent(orgId, year, c.code())))
			.toList();
	}

	/**
	 * The warning to show when spending this much more in the category would pass its budget line:
	 * the category, the share of the budget it reaches, the year's budget and what was spent before.
	 */
	@Transactional(readOnly = true)
	public Optional<String> warningFor(long orgId, int year, Category category, BigDecimal extra) {
		Optional<BigDecimal> budget = budget(orgId, year, category.code());
		if (budget.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal after = spent(orgId, year, category.code()).add(extra);
		Statements.BudgetLine line = Statements.line(category.code(), category.name(), budget.get(), after);
		if (!line.over()) {
			return Optional.empty();
		}
		return Optional.of(Texts.localized("finance.budget.warning.over", category.name(),
				line.percent() == null ? "—" : line.percent().toPlainString(), year, Amounts.format(budget.get()),
				Amounts.format(after.subtract(extra))));
	}

	Optional<BigDecimal> budget(long orgId, int year, String category) {
		return budgets.primary().find(orgId, year, category);
	}

	/** Net spending of a book in a category and year, reversals included, from the monthly sums. */
	BigDecimal spent(long orgId, int year, String category) {
		return budgets.primary().spent(orgId, year, category);
	}
}
