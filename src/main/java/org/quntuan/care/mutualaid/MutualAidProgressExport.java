package org.quntuan.care.mutualaid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The progress board as an .xlsx sheet for the city union: per organ, per 片组 and the total; audited. */
@Component
class MutualAidProgressExport {

	static final String EXPORT = "MUTUALAID_EXPORT";

	private final MutualAidQueries queries;

	private final MutualAidRepository plans;

	private final AuditLog audit;

	MutualAidProgressExport(MutualAidQueries queries, MutualAidRepository plans, AuditLog audit) {
		this.queries = queries;
		this.plans = plans;
		this.audit = audit;
	}

	ResponseEntity<byte[]> download(long planId) {
		MutualAidViews.Board board = queries.board(planId);
		byte[] file = write(board);
		audit.record(AuditType.EXPORT, EXPORT, planId, AuditLog.SUCCESS,
				Texts.chinese("mutualaid.audit.exported", board.plan().title(), board.rows().size()), plans.rootPath());
		String name = Texts.localized("mutualaid.export.file", board.plan().title(), queries.today().toString());
		return ResponseEntity.ok().headers(ExcelDownload.headers(name)).body(file);
	}

	static byte[] write(MutualAidViews.Board board) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("mutualaid.export.sheet"));
		table.title(Texts.localized("mutualaid.export.title", board.plan().title()));
		table.line(Texts.localized("mutualaid.export.city", board.city().target(), board.city().enrolled(),
				board.city().percent() == null ? "-" : board.city().percent() + "%"));
		table.header(headers("mutualaid.export.group", "mutualaid.export.organ", "mutualaid.export.target",
				"mutualaid.export.enrolled", "mutualaid.export.percent", "mutualaid.export.members",
				"mutualaid.export.participation", "mutualaid.export.everyone", "mutualaid.export.paid"),
				new int[] { 14, 28, 10, 10, 10, 12, 12, 10, 10 });
		for (MutualAidViews.Row r : board.rows()) {
			table.row().text(r.groupName() == null ? "" : r.groupName()).text(r.organName()).number(r.target())
				.number(r.enrolled()).percent(fraction(r.enrolled(), r.target())).number(r.unionMembers())
				.percent(fraction(r.enrolled(), r.unionMembers()))
				.text(r.everyone() ? Texts.localized("mutualaid.export.yes") : "").number(r.paid());
		}
		for (MutualAidViews.Figures g : board.groups()) {
			table.totalRow().text(g.name() == null ? "" : g.name()).text(Texts.localized("mutualaid.export.group-total"))
				.number(g.target()).number(g.enrolled()).percent(fraction(g.enrolled(), g.target()))
				.number(g.unionMembers()).percent(fraction(g.enrolled(), g.unionMembers())).text("").text("");
		}
		MutualAidViews.Figures t = board.total();
		table.totalRow().text(Texts.localized("mutualaid.export.total")).text("").number(t.target()).number(t.enrolled())
			.percent(fraction(t.enrolled(), t.target())).number(t.unionMembers())
			.percent(fraction(t.enrolled(), t.unionMembers())).text("").text("");
		return table.bytes();
	}

	private static BigDecimal fraction(long part, long whole) {
		return whole <= 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.DOWN);
	}

	private static String[] headers(String... keys) {
		return Arrays.stream(keys).map(Texts::localized).toArray(String[]::new);
	}
}
