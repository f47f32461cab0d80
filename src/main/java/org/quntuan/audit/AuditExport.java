package org.quntuan.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.stereotype.Component;

/**
 * The filtered log as an .xlsx file, streamed: {@link ExcelTable#streaming()} keeps a window of rows
 * in memory while the rows come from a database cursor. Every text cell is neutralised, since actors,
 * details and object ids hold what users typed.
 */
@Component
class AuditExport {

	private static final String[] HEADERS = { "time", "type", "actor", "ip", "object-type", "object-id", "result", "detail" };

	private static final int[] WIDTHS = { 20, 14, 16, 16, 12, 12, 8, 60 };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AuditLogViewer viewer;

	private final Clock clock;

	AuditExport(AuditLogViewer viewer, Clock clock) {
		this.viewer = viewer;
		this.clock = clock;
	}

	String fileName() {
		return Texts.localized("audit.export.file", LocalDate.now(clock.withZone(Zones.BUSINESS))) + ".xlsx";
	}

	/** @return the number of events written */
	int write(AuditLogViewer.Query query, OutputStream out) throws IOException {
		try (ExcelTable table = ExcelTable.streaming()) {
			table.sheet(Texts.localized("audit.export.sheet"))
				.header(Arrays.stream(HEADERS).map(h -> Texts.localized("audit.export.column." + h)).toArray(String[]::new), WIDTHS);
			int count = viewer.each(query, e -> write(table.row(), e));
			table.writeTo(out);
			out.flush();
			return count;
		}
	}

	private static void write(ExcelTable.Line row, AuditLogEntry e) {
		row.text(e.occurredAt() == null ? null : TIME.format(e.occurredAt()))
			.text(Texts.localized(Text.label(e.type().label())))
			.text(e.actor())
			.text(e.ip())
			.text(e.objectTypeLabel())
			.text(e.objectId())
			.text(e.resultLabel())
			.text(e.detail());
	}
}
