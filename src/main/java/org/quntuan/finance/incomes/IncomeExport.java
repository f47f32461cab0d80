package org.quntuan.finance.incomes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.excel.ExcelTable;

/** A book's recorded income (收入登记) as listed on the page, every row, as an .xlsx file. */
final class IncomeExport {

	private static final String[] HEADERS = { "收入日期", "科目", "金额（元）", "付款单位", "摘要", "凭证号", "登记人", "登记时间" };

	private static final int[] WIDTHS = { 12, 16, 14, 24, 36, 8, 12, 18 };

	private IncomeExport() {
	}

	static String fileName(String bookName, LocalDate today) {
		return bookName + "收入登记-" + today + ".xlsx";
	}

	static byte[] write(String bookName, List<IncomeQueries.View> incomes) {
		ExcelTable table = ExcelTable.streaming().sheet("收入登记");
		table.title(bookName + " 收入登记（共 " + incomes.size() + " 笔）");
		table.header(HEADERS, WIDTHS);
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
		table.totalRow().text("合计").skip().money(total);
		return table.bytes();
	}
}
