package org.quntuan.learning.materials;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The progress board of an assignment as an .xlsx file, as scoped as the board; audited (it names people). */
@Component
class ProgressExport {

	private final LearningQueries queries;

	private final AuditLog audit;

	private final Clock clock;

	ProgressExport(LearningQueries queries, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	ResponseEntity<byte[]> download(long id) {
		LearningViews.Progress progress = queries.progress(id);
		byte[] file = write(progress);
		audit.record(AuditType.EXPORT, "LEARNING_PROGRESS_EXPORT", id, AuditLog.SUCCESS,
				Texts.chinese("learning.audit.progress-exported", progress.title(), progress.totals().orgs(),
						progress.totals().people()));
		String name = Texts.localized("learning.export.progress.file", progress.title(),
				LocalDate.now(clock.withZone(Zones.BUSINESS)).toString());
		return ResponseEntity.ok().headers(ExcelDownload.headers(name)).body(file);
	}

	static byte[] write(LearningViews.Progress p) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("learning.export.progress.sheet"));
		table.title(Texts.localized("learning.export.progress.title", p.title(), p.dueDate().toString()));
		String separator = Texts.localized("learning.separator");
		table.line(Texts.localized("learning.export.progress.materials", String.join(separator, p.materials())));
		table.header(headers("learning.export.progress.org", "learning.export.progress.people",
				"learning.export.progress.completed", "learning.export.progress.rate",
				"learning.export.progress.not-done"),
				new int[] { 26, 10, 10, 12, 60 });
		for (LearningViews.OrgProgress r : p.rows()) {
			table.row()
				.text(r.orgName())
				.number(r.people())
				.number(r.completed())
				.decimal(BigDecimal.valueOf(r.rate()))
				.text(String.join(separator, r.notDone().stream().map(LearningViews.PersonRef::name).toList()));
		}
		table.totalRow().text(Texts.localized("learning.export.progress.total"))
			.number(p.totals().people()).number(p.totals().completed()).decimal(BigDecimal.valueOf(p.totals().rate()))
			.skip();
		return table.bytes();
	}

	/** The column headers under these keys, in the reader's language. */
	private static String[] headers(String... keys) {
		return Arrays.stream(keys).map(Texts::localized).toArray(String[]::new);
	}
}
