package org.quntuan.notice.inforeports;

import java.util.List;

import org.quntuan.notice.shared.ReportWorkbook;
import org.springframework.stereotype.Component;

/** The yearly ranking as .xlsx: officers, then organs. */
@Component
class InfoReportExport {

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
}
