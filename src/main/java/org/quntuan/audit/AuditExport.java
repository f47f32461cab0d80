package org.quntuan.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelText;
import org.springframework.stereotype.Component;

/**
 * The filtered log as an .xlsx file, streamed: POI's streaming workbook keeps {@value #WINDOW} rows
 * in memory while the rows come from a database cursor. Every text cell is neutralised, since actors,
 * details and object ids hold what users typed.
 */
@Component
class AuditExport {

	static final int WINDOW = 100;

	private static final String[] HEADERS = { "时间", "事件类型", "操作人", "IP 地址", "对象类型", "对象编号", "结果", "详情" };

	private static final int[] WIDTHS = { 20, 14, 16, 16, 12, 12, 8, 60 };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AuditLogViewer viewer;

	private final Clock clock;

	AuditExport(AuditLogViewer viewer, Clock clock) {
		this.viewer = viewer;
		this.clock = clock;
	}

	String fileName() {
		return "审计日志-" + LocalDate.now(clock.withZone(Zones.BUSINESS)) + ".xlsx";
	}

	/** @return the number of events written */
	int write(AuditLogViewer.Query query, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		workbook.setCompressTempFiles(true);
		try {
			SXSSFSheet sheet = workbook.createSheet("审计日志");
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(bold);
			Row first = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				Cell cell = first.createCell(i);
				cell.setCellValue(HEADERS[i]);
				cell.setCellStyle(header);
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			sheet.createFreezePane(0, 1);
			int[] row = { 0 };
			int count = viewer.each(query, e -> write(sheet.createRow(++row[0]), e));
			workbook.write(out);
			out.flush();
			return count;
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	private static void write(Row row, AuditLogEntry e) {
		text(row, 0, e.occurredAt() == null ? null : TIME.format(e.occurredAt()));
		text(row, 1, e.type().label());
		text(row, 2, e.actor());
		text(row, 3, e.ip());
		text(row, 4, e.objectTypeLabel());
		text(row, 5, e.objectId());
		text(row, 6, e.resultLabel());
		text(row, 7, e.detail());
	}

	private static void text(Row row, int column, String value) {
		if (value != null) {
			row.createCell(column).setCellValue(ExcelText.neutralise(value));
		}
	}
}
