package org.quntuan.care.pairing;

import java.util.Arrays;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A pair's year as an .xlsx file: the plan with its progress, then the problems with their status; audited. */
@Component
class PairSummaryExport {

	static final String EXPORT = "CARE_PAIR_EXPORT";

	private final PairingReads reads;

	private final AuditLog audit;

	PairSummaryExport(PairingReads reads, AuditLog audit) {
		this.reads = reads;
		this.audit = audit;
	}

	ResponseEntity<byte[]> download(long pairId, Integer year) {
		PairingViews.PairDetail p = reads.pair(pairId, year);
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("pairing.export.sheet"));
		table.title(Texts.localized("pairing.export.title", p.organName(), p.partner().name(), String.valueOf(p.year())));
		table.line(Texts.localized("pairing.export.term", String.valueOf(p.startYear()), String.valueOf(p.endYear())));
		table.header(headers("pairing.export.col.item", "pairing.export.col.planned-on", "pairing.export.col.who",
				"pairing.export.col.progress-on", "pairing.export.col.progress"), new int[] { 30, 14, 24, 14, 50 });
		for (PairingViews.PlanItem i : p.plan()) {
			if (i.progress().isEmpty()) {
				table.row().text(i.title()).date(i.plannedOn()).text(i.who()).skip().skip();
			}
			for (PairingViews.Progress g : i.progress()) {
				table.row().text(i.title()).date(i.plannedOn()).text(i.who()).date(g.happenedOn()).text(g.note());
			}
		}
		table.gap();
		table.header(headers("pairing.export.col.category", "pairing.export.col.description", "pairing.export.col.owner",
				"pairing.export.col.raised-on", "pairing.export.col.due-date", "pairing.export.col.status",
				"pairing.export.col.closed-on"), new int[] { 12, 40, 16, 14, 14, 12, 14 });
		for (PairingViews.Problem pb : p.problems()) {
			table.row().text(label(pb.category())).text(pb.description()).text(pb.owner()).date(pb.raisedOn())
				.date(pb.dueDate()).text(label(pb.status())).date(pb.closedOn());
		}
		byte[] file = table.bytes();
		audit.record(AuditType.EXPORT, EXPORT, pairId, AuditLog.SUCCESS, Texts.chinese("pairing.audit.exported",
				p.organName(), p.partner().name(), p.year()));
		String name = Texts.localized("pairing.export.file", p.organName(), p.partner().name(), String.valueOf(p.year()));
		return ResponseEntity.ok().headers(ExcelDownload.headers(name)).body(file);
	}

	private static String label(CodeLabel value) {
		return Texts.localized(Text.label(value.label()));
	}

	private static String[] headers(String... keys) {
		return Arrays.stream(keys).map(Texts::localized).toArray(String[]::new);
	}
}
