package org.quntuan.governance;

import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/**
 * The annual-report board as an .xlsx (a few hundred rows at most) in the reader's language; file names
 * are as uploaded, neutralised.
 */
final class AnnualReportExcel {

	private static final String[] HEADERS = { "group", "org", "type", "reported", "reported-on", "file", "confirmed" };

	private static final int[] WIDTHS = { 14, 30, 14, 14, 14, 30, 14 };

	private AnnualReportExcel() {
	}

	static String fileName(int year) {
		return Texts.localized("governance.annual-report.export.file-name", year);
	}

	static byte[] write(int year, List<AnnualReportBoardRow> rows) {
		String[] headers = Arrays.stream(HEADERS).map(h -> Texts.localized("governance.annual-report.export.header." + h))
			.toArray(String[]::new);
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("governance.annual-report.export.sheet", year))
			.header(headers, WIDTHS);
		String reported = Texts.localized("governance.annual-report.export.reported");
		String notReported = Texts.localized("governance.annual-report.export.not-reported");
		String confirmed = Texts.localized("governance.annual-report.export.confirmed");
		for (AnnualReportBoardRow r : rows) {
			table.row()
				.text(r.groupName())
				.text(r.orgName())
				.text(Texts.localized(Text.label(r.orgType().label())))
				.text(r.reported() ? reported : notReported)
				.date(r.reportedOn())
				.text(r.fileName())
				.text(r.confirmed() ? confirmed : null);
		}
		return table.bytes();
	}
}
