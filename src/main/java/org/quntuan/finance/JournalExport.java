package org.quntuan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.excel.ExcelTable;

/**
 * A book's journal (账簿) as filtered on the page, every entry, as an .xlsx file: one row an entry
 * with its movement of 银行存款 split into 收入 and 支出, amounts as numbers with two decimals.
 */
final class JournalExport {

	private static final String[] HEADERS = { "凭证号", "日期", "科目", "往来单位", "摘要", "来源", "收入（元）", "支出（元）", "冲销",
			"记账人", "记账时间" };

	private static final int[] WIDTHS = { 8, 12, 16, 20, 36, 10, 14, 14, 16, 12, 18 };

	private JournalExport() {
	}

	static String fileName(String bookName, LocalDate from, LocalDate to) {
		String period = from == null && to == null ? "全部" : (from == null ? "" : from.toString()) + "至" + (to == null ? "" : to.toString());
		return bookName + "账簿-" + period + ".xlsx";
	}

	static byte[] write(String bookName, LocalDate from, LocalDate to, List<JournalQueries.Entry> entries) {
		ExcelTable table = ExcelTable.streaming().sheet("账簿");
		table.title(bookName + " 账簿（" + (from == null ? "最早" : from) + " 至 " + (to == null ? "最近" : to) + "，共 "
				+ entries.size() + " 张凭证）");
		table.header(HEADERS, WIDTHS);
		BigDecimal in = BigDecimal.ZERO;
		BigDecimal out = BigDecimal.ZERO;
		for (JournalQueries.Entry e : entries) {
			BigDecimal bank = e.bankAmount();
			BigDecimal income = bank.signum() > 0 ? bank : null;
			BigDecimal spent = bank.signum() < 0 ? bank.negate() : null;
			in = income == null ? in : in.add(income);
			out = spent == null ? out : out.add(spent);
			table.row()
				.number(e.id())
				.date(e.date())
				.text(e.categoryName() == null ? e.categoryCode() : e.categoryName())
				.text(e.counterparty())
				.text(e.memo())
				.text(e.sourceLabel())
				.money(income)
				.money(spent)
				.text(e.reversesId() != null ? "冲销凭证 " + e.reversesId()
						: e.reversedById() != null ? "已被凭证 " + e.reversedById() + " 冲销" : null)
				.text(e.recordedBy())
				.time(e.recordedAt());
		}
		table.totalRow().text("合计").skip().skip().skip().skip().skip().money(in).money(out);
		return table.bytes();
	}
}
