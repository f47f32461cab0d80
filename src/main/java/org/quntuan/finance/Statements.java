package org.quntuan.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.InvalidValueException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 收支情况表: income and expense by category for a period of a year, the bank balance before and
 * after, and budget execution; for one book or consolidated over every book below a group or the
 * federation. Read from the monthly sums the journal keeps, so a federation-wide statement adds up
 * a few hundred thousand rows at most, not millions of lines.
 */
@Service
@Transactional(readOnly = true)
public class Statements {

	record CategoryAmount(String code, String name, BigDecimal amount) {
	}

	/**
	 * @param percent actual / budget × 100, one decimal; null without a budget
	 * @param warning 90 % or more used
	 * @param over more than the budget
	 */
	public record BudgetLine(String code, String name, BigDecimal budget, BigDecimal actual, BigDecimal percent,
			boolean warning, boolean over) {
	}

	record Statement(long orgId, String orgName, String orgType, boolean consolidated, int bookCount, int year,
			int fromMonth, int toMonth, List<CategoryAmount> income, List<CategoryAmount> expense,
			BigDecimal totalIncome, BigDecimal totalExpense, BigDecimal surplus, BigDecimal openingBalance,
			BigDecimal closingBalance, List<BudgetLine> budget) {
	}

	private final StatementRepository statements;

	private final FinanceAccess access;

	private final Categories categories;

	Statements(StatementRepository statements, FinanceAccess access, Categories categories) {
		this.statements = statements;
		this.access = access;
		this.categories = categories;
	}

	/**
	 * @param consolidated null: consolidated for a group or the federation, the book alone for a union
	 */
	Statement statement(long orgId, int year, Integer fromMonth, Integer toMonth, Boolean consolidated) {
		OrgSummary org = access.readable(orgId);
		int from = fromMonth == null ? 1 : fromMonth;
		int to = toMonth == null ? 12 : toMonth;
		if (year < 2000 || year > 2100) {
			throw new InvalidValueException("year", "finance.common.error.year-range");
		}
		if (from < 1 || from > 12 || to < 1 || to > 12 || from > to) {
			throw new InvalidValueException("fromMonth", "finance.statement.error.months");
		}
		boolean whole = consolidated == null ? org.type() != OrgType.UNION : consolidated;
		Map<String, Object> params = new HashMap<>();
		params.put("p", org.path() + "%");
		params.put("o", orgId);
		params.put("y", year);
		params.put("f", from);
		params.put("t", to);
		Map<String, BigDecimal> sums = statements.sums(whole, params);
		BigDecimal opening = statements.opening(whole, params);
		int bookCount = whole ? statements.bookCount(org.path()) : 1;
		List<CategoryAmount> income = new ArrayList<>();
		List<CategoryAmount> expense = new ArrayList<>();
		for (Category c : categories.all()) {
			BigDecimal sum = sums.getOrDefault(c.code(), BigDecimal.ZERO);
			if (c.isIncome()) {
				income.add(new CategoryAmount(c.code(), c.name(), money(sum.negate())));
			}
			else {
				expense.add(new CategoryAmount(c.code(), c.name(), money(sum)));
			}
		}
		BigDecimal totalIncome = income.stream().map(CategoryAmount::amount).reduce(money(BigDecimal.ZERO), BigDecimal::add);
		BigDecimal totalExpense = expense.stream().map(CategoryAmount::amount).reduce(money(BigDecimal.ZERO), BigDecimal::add);
		BigDecimal closing = opening.add(sums.getOrDefault(Journal.BANK, BigDecimal.ZERO));
		List<BudgetLine> budget = budgetLines(whole, params, expense);
		return new Statement(orgId, org.name(), org.type().label(), whole, bookCount, year, from, to, income, expense,
				totalIncome, totalExpense, totalIncome.subtract(totalExpense), money(opening), money(closing), budget);
	}

	private List<BudgetLine> budgetLines(boolean whole, Map<String, Object> params, List<CategoryAmount> expense) {
		Map<String, BigDecimal> budgets = statements.budgets(whole, params);
		List<BudgetLine> lines = new ArrayList<>();
		for (CategoryAmount e : expense) {
			BigDecimal budget = budgets.get(e.code());
			if (budget == null && e.amount().signum() == 0) {
				continue;
			}
			lines.add(line(e.code(), e.name(), budget, e.amount()));
		}
		return lines;
	}

	public static BudgetLine line(String code, String name, BigDecimal budget, BigDecimal actual) {
		if (budget == null) {
			return new BudgetLine(code, name, null, actual, null, false, false);
		}
		BigDecimal percent = budget.signum() == 0 ? null
				: actual.multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP);
		boolean over = actual.compareTo(budget) > 0;
		boolean warning = over || (percent != null && percent.compareTo(BigDecimal.valueOf(90)) >= 0);
		return new BudgetLine(code, name, money(budget), actual, percent, warning, over);
	}

	static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}
}
