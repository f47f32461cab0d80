package org.quntuan.governance.mailbox;

import java.util.Arrays;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/** The yearly summary by category as an .xlsx in the reader's language: figures only, no letter and no writer. */
final class MailboxSummaryExcel {

	private static final String[] HEADERS = { "category", "letters", "replied", "overdue", "rated", "average" };

	private static final int[] WIDTHS = { 16, 10, 10, 10, 10, 12 };

	private MailboxSummaryExcel() {
	}

	static String fileName(int year) {
		return Texts.localized("mailbox.export.file-name", year);
	}

	static byte[] write(LetterQueries.Summary s) {
		String[] headers = Arrays.stream(HEADERS).map(h -> Texts.localized("mailbox.export.header." + h))
			.toArray(String[]::new);
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("mailbox.export.sheet", s.year())).header(headers, WIDTHS);
		for (LetterQueries.SummaryRow r : s.rows()) {
			line(table.row(), Texts.localized(Text.label(r.category().label())), r);
		}
		line(table.totalRow(), Texts.localized("mailbox.summary.total"), s.totals());
		return table.bytes();
	}

	private static void line(ExcelTable.Line line, String name, LetterQueries.SummaryRow r) {
		line.text(name).number(r.letters()).number(r.replied()).number(r.overdue()).number(r.rated())
			.decimal(r.averageRating());
	}
}
