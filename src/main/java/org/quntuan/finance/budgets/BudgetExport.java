package org.quntuan.finance.budgets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.finance.Statements;
import org.quntuan.platform.excel.ExcelTable;

/**
 * A book's budget execution (预算执行) for a year as the page shows it, one row an expense category:
 * budget and actual as amounts, the execution rate as a percentage, over budget or near it marked.
 */
final class BudgetExport {

	private static final String[] HEADERS = { "科目", "预算（元）", "实际（元）", "执行率", "提示" };

	private static final int[] WIDTHS = { 20, 16, 16, 10, 10 };

	private BudgetExport() {
	}

	static String fileName(String bookName, int year, LocalDate today) {
		return bookName + year + "年预算执行-" + today + ".xlsx";
	}

	static byte[] write(String bookName, int year, List<Statements.BudgetLine> lines) {
		ExcelTable table = ExcelTable.create().sheet("预算执行");
		table.title(bookName + " " + year + " 年预算执行（实际支出取自账簿，含冲销）");
		table.header(HEADERS, WIDTHS);
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
				.text(b.over() ? "超预算" : b.warning() ? "接近预算" : b.budget() == null ? "未编预算" : null);
		}
		table.totalRow().text("合计").money(budget).money(actual);
		return table.bytes();
	}
}
