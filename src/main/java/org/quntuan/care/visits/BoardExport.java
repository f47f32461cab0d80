package org.quntuan.care.visits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A plan's board as an .xlsx file: planned against visited per organ with the money, and a second sheet
 * of the recipients and their visits, as scoped as the page; audited (it names people).
 */
@Component
class BoardExport {

	private final VisitQueries queries;

	private final AuditLog audit;

	private final Clock clock;

	BoardExport(VisitQueries queries, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	ResponseEntity<byte[]> download(long planId) {
		VisitViews.Board board = queries.board(planId);
		List<VisitViews.Recipient> recipients = new ArrayList<>();
		for (int page = 0;; page++) {
			PageResult<VisitViews.Recipient> p = queries.recipients(planId, null, null,
					new PageRequest(page, PageRequest.MAX_SIZE));
			recipients.addAll(p.content());
			if (!p.hasNext()) {
				break;
			}
		}
		byte[] file = write(board, recipients);
		audit.record(AuditType.EXPORT, "CARE_VISIT_EXPORT", planId, AuditLog.SUCCESS,
				Texts.chinese("visits.audit.exported", board.title(), board.rows().size(), recipients.size()),
				queries.bookPath(planId));
		String name = Texts.localized("visits.export.file", board.title(),
				LocalDate.now(clock.withZone(Zones.BUSINESS)).toString());
		return ResponseEntity.ok().headers(ExcelDownload.headers(name)).body(file);
	}

	static byte[] write(VisitViews.Board board, List<VisitViews.Recipient> recipients) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("visits.export.board.sheet"));
		table.title(Texts.localized("visits.export.board.title", board.title(), board.startsOn().toString(),
				board.endsOn().toString(), board.bookOrgName()));
		table.header(headers("visits.export.board.organ", "visits.export.board.planned", "visits.export.board.visited",
				"visits.export.board.planned-amount", "visits.export.board.cash", "visits.export.board.goods"),
				new int[] { 28, 10, 10, 14, 14, 14 });
		for (VisitViews.BoardRow r : board.rows()) {
			table.row().text(r.organName()).number(r.planned()).number(r.visited()).money(r.plannedAmount())
				.money(r.cash()).money(r.goods());
		}
		VisitViews.BoardTotals t = board.totals();
		table.totalRow().text(Texts.localized("visits.export.board.total")).number(t.planned()).number(t.visited())
			.money(t.plannedAmount()).money(t.cash()).money(t.goods());
		table.gap();
		table.line(Texts.localized("visits.export.board.money", t.budget().toPlainString(), t.spent().toPlainString(),
				t.remaining().toPlainString()));
		table.sheet(Texts.localized("visits.export.list.sheet"));
		table.header(headers("visits.export.list.name", "visits.export.list.organ", "visits.export.list.kind",
				"visits.export.list.standard", "visits.export.list.visited-on", "visits.export.list.visitors",
				"visits.export.list.form", "visits.export.list.amount", "visits.export.list.goods",
				"visits.export.list.note"), new int[] { 12, 26, 14, 12, 12, 24, 10, 12, 20, 30 });
		for (VisitViews.Recipient r : recipients) {
			ExcelTable.Line line = table.row().text(r.name()).text(r.organName())
				.text(Texts.localized(Text.label(r.kind().label()))).money(r.plannedAmount());
			VisitViews.Visit v = r.visit();
			if (v == null) {
				line.skip().text(Texts.localized("visits.export.list.not-visited"));
			}
			else {
				line.date(v.visitedOn()).text(v.visitors()).text(Texts.localized(Text.label(v.form().label())))
					.money(v.amount()).text(v.goods() == null ? "" : v.goods()).text(v.note() == null ? "" : v.note());
			}
		}
		return table.bytes();
	}

	private static String[] headers(String... keys) {
		return Arrays.stream(keys).map(Texts::localized).toArray(String[]::new);
	}
}
