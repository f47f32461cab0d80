package org.quntuan.finance.budgets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.quntuan.finance.Statements;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/**
 * A book's budget execution (预算执行) for a year as the page shows it, one row an expense category:
 * budget and actual as amounts, the execution rate as a percentage, over budget or near it marked.
 */
final class BudgetExport {

	private static final String[] HEADERS = { "finance.category", "finance.budget.export.header.budget",
			"finance.budget.export.header.actual", "finance.budget.percent", "finance.budget.export.header.note" };

	private static final int[] WIDTHS = { 20, 16, 16, 10, 10 };

	private BudgetExport() {
	}

	static String fileName(String bookName, int year, LocalDate today) {
		return Texts.localized("finance.budget.export.file", bookName, year, today.toString());
	}

	static byte[] write(String bookName, int year, List<Statements.BudgetLine> lines) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("finance.budget.execution"));
		table.title(Texts.localized("finance.budget.export.title", bookName, year));
		table.header(Arrays.stream(HEADERS).map(Texts::localized).toArray(String[]::new), WIDTHS);
		BigDecimal budget = BigDecimal.ZERO;
		BigDecimal actual = BigDecimal.ZERO;
		for (Statements.BudgetLine b : lines) {
			budget = b.budget() == null ? budget : budget.add(b.budget());
			actual = actual.add(b.actual());
			table.row()
				.text(b.name())
				.money(b.budget())
				.money(b.actual())
				.percent(b.percent() == null ? null : b.percent().movePointLeft(2))
				.text(b.over() ? Texts.localized("finance.budget.export.over") : b.warning() ? Texts.localized("finance.budget.export.near")
						: b.budget() == null ? Texts.localized("finance.budget.missing") : null);
		}
		table.totalRow().text(Texts.localized("finance.common.export.total")).money(budget).money(actual);
		return table.bytes();
	}
}
