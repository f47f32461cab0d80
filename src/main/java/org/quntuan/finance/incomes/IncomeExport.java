package org.quntuan.finance.incomes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/** A book's recorded income (收入登记) as listed on the page, every row, as an .xlsx file. */
final class IncomeExport {

	private static final String[] HEADERS = { "finance.income.export.date", "finance.income.export.category",
			"finance.income.export.amount", "finance.income.export.counterparty", "finance.income.export.memo",
			"finance.income.export.txn", "finance.income.export.recorder", "finance.income.export.recordedAt" };

	private static final int[] WIDTHS = { 12, 16, 14, 24, 36, 8, 12, 18 };

	private IncomeExport() {
	}

	static String fileName(String bookName, LocalDate today) {
		return Texts.localized("finance.income.export.file", bookName, today.toString());
	}

	static byte[] write(String bookName, List<IncomeQueries.View> incomes) {
		ExcelTable table = ExcelTable.streaming().sheet(Texts.localized("finance.income.export.sheet"));
		table.title(Texts.localized("finance.income.export.title", bookName, incomes.size()));
		table.header(Arrays.stream(HEADERS).map(h -> Texts.localized(h)).toArray(String[]::new), WIDTHS);
		BigDecimal total = BigDecimal.ZERO;
		for (IncomeQueries.View i : incomes) {
			BigDecimal amount = new BigDecimal(i.amount());
			total = total.add(amount);
			table.row()
				.date(i.date())
				.text(i.categoryName())
				.money(amount)
				.text(i.counterparty())
				.text(i.memo())
				.number(i.txnId())
				.text(i.recordedBy())
				.time(i.createdAt());
		}
		table.totalRow().text(Texts.localized("finance.income.export.total")).skip().money(total);
		return table.bytes();
	}
}
