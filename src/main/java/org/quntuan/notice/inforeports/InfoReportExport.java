package org.quntuan.notice.inforeports;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.notice.shared.ReportWorkbook;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.stereotype.Component;

/** The yearly ranking as .xlsx: officers, then organs; and the information reports list (信息报送) as the page shows it. */
@Component
class InfoReportExport {

	private static final String[] INFO_HEADERS = { "标题", "单位", "信息员", "状态", "刊发情况", "积分", "报送时间" };

	private static final int[] INFO_WIDTHS = { 40, 22, 12, 8, 24, 6, 18 };

	static String fileName(InfoReportViews.Ranking ranking) {
		return "信息报送排名-" + ranking.year() + ".xlsx";
	}

	byte[] write(InfoReportViews.Ranking ranking) {
		try (ReportWorkbook book = new ReportWorkbook()) {
			book.sheet("信息员排名", List.of("名次", "信息员", "单位", "报送条数", "收到", "采用", "刊发", "积分"));
			for (InfoReportViews.OfficerRank r : ranking.officers()) {
				book.row(List.of(r.rank(), r.name(), r.organName(), r.items(), r.received(), r.adopted(), r.published(),
						r.points()));
			}
			book.sheet("单位排名", List.of("名次", "单位", "信息员人数", "报送条数", "采用", "刊发", "积分"));
			for (InfoReportViews.OrganRank r : ranking.organs()) {
				book.row(List.of(r.rank(), r.organName(), r.officers(), r.items(), r.adopted(), r.published(), r.points()));
			}
			return book.bytes();
		}
	}

	static String infoReportsFileName(int year, LocalDate today) {
		return "信息报送-" + year + "年-" + today + ".xlsx";
	}

	static byte[] infoReports(int year, String statusLabel, List<InfoReportViews.Item> items) {
		ExcelTable table = ExcelTable.streaming().sheet("信息报送");
		table.title(year + " 年信息报送（" + (statusLabel == null ? "全部状态" : statusLabel) + "，共 " + items.size() + " 条）");
		table.header(INFO_HEADERS, INFO_WIDTHS);
		for (InfoReportViews.Item i : items) {
			table.row()
				.text(i.title())
				.text(i.organName())
				.text(i.authorName())
				.text(i.status() == null ? null : i.status().label())
				.text(i.publishedWhere())
				.number(i.points())
				.time(i.submittedAt());
		}
		return table.bytes();
	}
}
