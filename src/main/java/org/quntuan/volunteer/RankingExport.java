package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A year's ranking as an .xlsx file, scoped as the ranking itself; audited (the person ranking names people). */
@Component
class RankingExport {

	private final Rankings rankings;

	private final AuditLog audit;

	RankingExport(Rankings rankings, AuditLog audit) {
		this.rankings = rankings;
		this.audit = audit;
	}

	ResponseEntity<byte[]> download(Integer year, String by) {
		int y = rankings.year(year);
		RankingBy what = Rankings.by(by);
		List<VolunteerViews.RankRow> rows = rankings.all(y, what);
		String kind = Texts.localized(Text.label(what));
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("volunteer.ranking.export.sheet"));
		table.title(Texts.localized("volunteer.ranking.export.title", String.valueOf(y), kind));
		boolean person = what == RankingBy.PERSON;
		table.header(new String[] { Texts.localized("volunteer.ranking.col.rank"),
				Texts.localized(person ? "volunteer.ranking.col.person" : "volunteer.ranking.col.name"),
				Texts.localized("volunteer.ranking.col.organ"),
				Texts.localized(person ? "volunteer.ranking.col.star" : "volunteer.ranking.col.volunteers"),
				Texts.localized("volunteer.ranking.col.hours") }, new int[] { 8, 24, 26, 14, 14 });
		for (VolunteerViews.RankRow r : rows) {
			ExcelTable.Line line = table.row().number(r.rank()).text(r.name()).text(r.organName());
			if (person) {
				line.text(r.star() == null ? "" : Texts.localized(Text.label(r.star().label())));
			}
			else {
				line.number(r.volunteers());
			}
			line.decimal(new BigDecimal(r.hours()));
		}
		byte[] file = table.bytes();
		audit.record(AuditType.EXPORT, "VOLUNTEER_RANKING_EXPORT", y, AuditLog.SUCCESS,
				Texts.chinese("volunteer.audit.ranking-exported", String.valueOf(y), Texts.chinese(Text.label(what)),
						rows.size()));
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(Texts.localized("volunteer.ranking.export.file", String.valueOf(y), kind)))
			.body(file);
	}
}
