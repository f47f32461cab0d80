package org.quntuan.notice.inforeports;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.quntuan.notice.shared.ReportWorkbook;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.stereotype.Component;

/** The yearly ranking as .xlsx: officers, then organs; and the information reports list (信息报送) as the page shows it. */
@Component
class InfoReportExport {

	private static final String[] INFO_HEADERS = { "title", "unit", "officer", "status", "where", "points", "submitted-at" };

	private static final int[] INFO_WIDTHS = { 40, 22, 12, 8, 24, 6, 18 };

	static String fileName(InfoReportViews.Ranking ranking) {
		return Texts.localized("notice.info.export.ranking-file", ranking.year());
	}

	byte[] write(InfoReportViews.Ranking ranking) {
		try (ReportWorkbook book = new ReportWorkbook()) {
			book.sheet(Texts.localized("notice.info.export.officers-sheet"),
					columns("rank", "officer", "unit", "items", "received", "adopted", "published", "points"));
			for (InfoReportViews.OfficerRank r : ranking.officers()) {
				book.row(List.of(r.rank(), r.name(), r.organName(), r.items(), r.received(), r.adopted(), r.published(),
						r.points()));
			}
			book.sheet(Texts.localized("notice.info.export.units-sheet"),
					columns("rank", "unit", "officers", "items", "adopted", "published", "points"));
			for (InfoReportViews.OrganRank r : ranking.organs()) {
				book.row(List.of(r.rank(), r.organName(), r.officers(), r.items(), r.adopted(), r.published(), r.points()));
			}
			return book.bytes();
		}
	}

	/** The column headers under {@code notice.info.export.col.<name>}, in the reader's language. */
	private static List<String> columns(String... names) {
		return Arrays.stream(names).map(n -> Texts.localized("notice.info.export.col." + n)).toList();
	}

	static String infoReportsFileName(int year, LocalDate today) {
		return Texts.localized("notice.info.export.list-file", year, today.toString());
	}

	/** The items of a year, of one status or (status null) of all. */
	static byte[] infoReports(int year, InfoReportStatus status, List<InfoReportViews.Item> items) {
		ExcelTable table = ExcelTable.streaming().sheet(Texts.localized("notice.info.export.list-sheet"));
		table.title(Texts.localized("notice.info.export.list-title", year,
				status == null ? Text.of("notice.info.export.all-statuses") : status, items.size()));
		table.header(columns(INFO_HEADERS).toArray(String[]::new), INFO_WIDTHS);
		for (InfoReportViews.Item i : items) {
			table.row()
				.text(i.title())
				.text(i.organName())
				.text(i.authorName())
				.text(i.status() == null ? null : Texts.localized(Text.label(i.status().label())))
				.text(i.publishedWhere())
				.number(i.points())
				.time(i.submittedAt());
		}
		return table.bytes();
	}
}
