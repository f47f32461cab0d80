package org.quntuan.organization;

import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/** The board as an .xlsx file; at most a few thousand rows, so built in memory. */
final class ReelectionBoardExport {

	/** The bundle keys of the column headers. */
	private static final String[] HEADERS = { "organization.reelection.export.header.group",
			"organization.reelection.export.header.organ", "organization.reelection.export.header.org",
			"organization.reelection.export.header.type", "organization.reelection.export.header.term-start",
			"organization.reelection.export.header.term-end", "organization.reelection.export.header.state",
			"organization.reelection.export.header.overdue" };

	private static final int[] WIDTHS = { 12, 24, 28, 10, 12, 12, 18, 10 };

	private ReelectionBoardExport() {
	}

	static byte[] write(List<ReelectionBoardRow> rows) {
		String[] headers = Arrays.stream(HEADERS).map(Texts::localized).toArray(String[]::new);
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("organization.reelection.export.sheet"))
			.header(headers, WIDTHS);
		for (ReelectionBoardRow r : rows) {
			table.row()
				.text(r.groupName())
				.text(r.organName())
				.text(r.orgName())
				.text(Texts.localized(Text.label(r.orgType().label())))
				.date(r.termStart())
				.date(r.termEnd())
				.text(Texts.localized(Text.label(r.state().label())))
				.text(Texts.localized(r.overdue() ? "organization.reelection.export.yes" : "organization.reelection.export.no"));
		}
		return table.bytes();
	}
}
