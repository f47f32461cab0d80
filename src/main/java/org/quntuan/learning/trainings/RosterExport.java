package org.quntuan.learning.trainings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A class's roster as an .xlsx file, as scoped as the roster page; audited (it names people). */
@Component
class RosterExport {

	private final TrainingQueries queries;

	private final AuditLog audit;

	private final Clock clock;

	RosterExport(TrainingQueries queries, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	ResponseEntity<byte[]> download(long id) {
		queries.requireAdmin();
		TrainingViews.Detail t = queries.detail(id);
		byte[] file = write(t.title(), t.roster());
		audit.record(AuditType.EXPORT, "LEARNING_TRAINING_ROSTER_EXPORT", id, AuditLog.SUCCESS, Texts.chinese("training.audit.roster-exported",
				t.title(), t.roster().size()), queries.ownerPath(id));
		String name = Texts.localized("training.export.roster.file", t.title(),
				LocalDate.now(clock.withZone(Zones.BUSINESS)).toString());
		return ResponseEntity.ok().headers(ExcelDownload.headers(name)).body(file);
	}

	static byte[] write(String title, List<TrainingViews.Trainee> roster) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("training.export.roster.sheet"));
		table.title(Texts.localized("training.export.roster.title", title));
		table.header(new String[] { Texts.localized("training.export.roster.name"), Texts.localized("training.export.roster.organ"), Texts.localized("training.export.roster.unit"),
				Texts.localized("training.export.roster.nominator"), Texts.localized("training.export.roster.nominated-at"), Texts.localized("training.export.roster.attended"),
				Texts.localized("training.export.roster.sessions"), Texts.localized("training.export.roster.completed"), Texts.localized("training.export.roster.certificate") },
				new int[] { 12, 26, 20, 12, 18, 10, 10, 8, 18 });
		for (TrainingViews.Trainee t : roster) {
			table.row()
				.text(t.name())
				.text(t.organName())
				.text(t.quotaUnitName())
				.text(t.nominatorName())
				.time(t.nominatedAt())
				.number(t.attended())
				.number(t.sessions())
				.text(t.completed() == null ? "" : t.completed() ? Texts.localized("training.export.roster.yes") : Texts.localized("training.export.roster.no"))
				.text(t.certificateNumber() == null ? "" : t.certificateNumber());
		}
		return table.bytes();
	}
}
