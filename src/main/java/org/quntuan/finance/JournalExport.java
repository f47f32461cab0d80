package org.quntuan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/**
 * A book's journal (账簿) as filtered on the page, every entry, as an .xlsx file: one row an entry
 * with its movement of 银行存款 split into 收入 and 支出, amounts as numbers with two decimals.
 */
final class JournalExport {

	private static final String[] HEADERS = { "finance.entry.no", "finance.entry.date", "finance.category",
			"finance.journal.export.header.counterparty", "finance.entry.memo", "finance.entry.source",
			"finance.journal.export.header.in", "finance.journal.export.header.out", "finance.entry.reversal",
			"finance.entry.recorder", "finance.journal.export.header.recorded-at" };

	private static final int[] WIDTHS = { 8, 12, 16, 20, 36, 10, 14, 14, 16, 12, 18 };

	private JournalExport() {
	}

	static String fileName(String bookName, LocalDate from, LocalDate to) {
		String period = from == null && to == null ? Texts.localized("finance.journal.export.period-all")
				: Texts.localized("finance.journal.export.period", from == null ? "" : from.toString(), to == null ? "" : to.toString());
		return Texts.localized("finance.journal.export.file", bookName, period);
	}

	static byte[] write(String bookName, LocalDate from, LocalDate to, List<JournalQueries.Entry> entries) {
		ExcelTable table = ExcelTable.streaming().sheet(Texts.localized("finance.journal.export.sheet"));
		table.title(Texts.localized("finance.journal.export.title", bookName,
				from == null ? Text.of("finance.journal.export.earliest") : from.toString(),
				to == null ? Text.of("finance.journal.export.latest") : to.toString(), entries.size()));
		table.header(Arrays.stream(HEADERS).map(Texts::localized).toArray(String[]::new), WIDTHS);
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
				.text(e.reversesId() != null ? Texts.localized("finance.journal.export.reverses", e.reversesId())
						: e.reversedById() != null ? Texts.localized("finance.journal.export.reversed-by", e.reversedById()) : null)
				.text(e.recordedBy())
				.time(e.recordedAt());
		}
		table.totalRow().text(Texts.localized("finance.common.export.total")).skip().skip().skip().skip().skip().money(in).money(out);
		return table.bytes();
	}
}
