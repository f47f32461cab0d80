package org.quntuan.finance.expenses;

import java.math.BigDecimal;
import java.util.List;

import org.quntuan.platform.excel.ExcelTable;

/** The expense list as filtered on the page, as an .xlsx file; amounts are numbers with two decimals. */
final class ExpenseExport {

	private static final String[] HEADERS = { "编号", "支出日期", "科目", "金额（元）", "用途", "申请人", "状态", "凭证号", "提交时间" };

	private static final int[] WIDTHS = { 8, 12, 14, 14, 40, 12, 10, 8, 18 };

	private ExpenseExport() {
	}

	static byte[] write(String bookName, List<ExpenseViews.Item> items) {
		ExcelTable table = ExcelTable.create().sheet("经费支出").line(bookName + " 经费支出").header(HEADERS, WIDTHS);
		for (ExpenseViews.Item e : items) {
			table.row()
				.number(e.id())
				.date(e.date())
				.text(e.categoryName())
				.money(new BigDecimal(e.amount()))
				.text(e.purpose())
				.text(e.applicantName())
				.text(e.statusLabel())
				.text(e.txnId() == null ? null : String.valueOf(e.txnId()))
				.time(e.createdAt());
		}
		return table.bytes();
	}
}
