package org.quntuan.care.recuperation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A batch's roster as an .xlsx file, scoped as the roster on the page; audited (it names people). */
@Component
class RecuperationRosterExport {

	private final RecuperationQueries queries;

	private final AuditLog audit;

	private final Clock clock;

	RecuperationRosterExport(RecuperationQueries queries, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	ResponseEntity<byte[]> download(long id) {
		RecuperationViews.Detail b = queries.detail(id);
		if (!queries.isAdmin()) {
			throw new ForbiddenException("recuperation.export.error.admins-only");
		}
		byte[] file = write(b, b.roster());
		audit.record(AuditType.EXPORT, "CARE_RECUPERATION_ROSTER_EXPORT", id, AuditLog.SUCCESS,
				Texts.chinese("recuperation.audit.roster-exported", b.title(), b.roster().size()), queries.ownerPath(id));
		String name = Texts.localized("recuperation.export.file", b.title(),
				LocalDate.now(clock.withZone(Zones.BUSINESS)).toString());
		return ResponseEntity.ok().headers(ExcelDownload.headers(name)).body(file);
	}

	private static byte[] write(RecuperationViews.Detail b, List<RecuperationViews.Nomination> roster) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("recuperation.export.sheet"));
		table.title(Texts.localized("recuperation.export.title", b.title()));
		table.line(Texts.localized("recuperation.export.line", label(b.kind()), b.destination(),
				b.startsOn().toString(), b.endsOn().toString(), b.costPerPerson()));
		table.header(headers("recuperation.export.col.name", "recuperation.export.col.organ",
				"recuperation.export.col.status", "recuperation.export.col.reference", "recuperation.export.col.nominator",
				"recuperation.export.col.nominated-at", "recuperation.export.col.answered-at",
				"recuperation.export.col.note"),
				new int[] { 12, 26, 12, 28, 12, 18, 18, 30 });
		for (RecuperationViews.Nomination n : roster) {
			table.row()
				.text(n.name())
				.text(n.organName())
				.text(label(n.status()))
				.text(n.modelWorkerReference() == null ? "" : n.modelWorkerReference())
				.text(n.nominatorName())
				.time(n.nominatedAt())
				.time(n.answeredAt())
				.text(n.answerNote() == null ? "" : n.answerNote());
		}
		return table.bytes();
	}

	private static String label(CodeLabel value) {
		return Texts.localized(Text.label(value.label()));
	}

	private static String[] headers(String... keys) {
		return Arrays.stream(keys).map(Texts::localized).toArray(String[]::new);
	}
}
