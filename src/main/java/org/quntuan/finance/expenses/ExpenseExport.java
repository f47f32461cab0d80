package org.quntuan.finance.expenses;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/** The expense list as filtered on the page, as an .xlsx file; amounts are numbers with two decimals. */
final class ExpenseExport {

	private static final String[] HEADERS = { "finance.expense.export.no", "finance.expense.export.date",
			"finance.expense.export.category", "finance.expense.export.amount", "finance.expense.export.purpose",
			"finance.expense.export.applicant", "finance.expense.export.status", "finance.expense.export.txn",
			"finance.expense.export.createdAt" };

	private static final int[] WIDTHS = { 8, 12, 14, 14, 40, 12, 10, 8, 18 };

	private ExpenseExport() {
	}

	static byte[] write(String bookName, List<ExpenseViews.Item> items) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("finance.expense.export.sheet"))
			.line(Texts.localized("finance.expense.export.title", bookName))
			.header(Arrays.stream(HEADERS).map(h -> Texts.localized(h)).toArray(String[]::new), WIDTHS);
		for (ExpenseViews.Item e : items) {
			table.row()
				.number(e.id())
				.date(e.date())
				.text(e.categoryName())
				.money(new BigDecimal(e.amount()))
				.text(e.purpose())
				.text(e.applicantName())
				.text(Texts.localized(Text.label(e.statusLabel())))
				.text(e.txnId() == null ? null : String.valueOf(e.txnId()))
				.time(e.createdAt());
		}
		return table.bytes();
	}
}
