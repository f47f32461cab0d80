package org.quntuan.learning.trainings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
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
		table.header(headers("training.export.roster.name", "training.export.roster.organ",
				"training.export.roster.unit", "training.export.roster.nominator",
				"training.export.roster.nominated-at", "training.export.roster.attended",
				"training.export.roster.sessions", "training.export.roster.completed",
				"training.export.roster.certificate"),
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
				.text(t.completed() == null ? "" : Texts.localized(t.completed() ? "training.export.roster.yes" : "training.export.roster.no"))
				.text(t.certificateNumber() == null ? "" : t.certificateNumber());
		}
		return table.bytes();
	}

	/** The column headers under these keys, in the reader's language. */
	private static String[] headers(String... keys) {
		return Arrays.stream(keys).map(Texts::localized).toArray(String[]::new);
	}
}
