package org.quntuan.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.excel.ExcelText;

/** The board as an .xlsx file; at most a few thousand rows, so built in memory. */
final class ReelectionBoardExport {

	private static final String[] HEADERS = { "片组", "单位", "组织", "类型", "任期开始", "任期届满", "换届状态", "是否超期" };

	private static final int[] WIDTHS = { 12, 24, 28, 10, 12, 12, 18, 10 };

	private ReelectionBoardExport() {
	}

	static byte[] write(List<ReelectionBoardRow> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("换届工作台");
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
			int n = 0;
			for (ReelectionBoardRow r : rows) {
				Row row = sheet.createRow(++n);
				text(row, 0, r.groupName());
				text(row, 1, r.organName());
				text(row, 2, r.orgName());
				text(row, 3, r.orgType().label());
				text(row, 4, r.termStart() == null ? null : r.termStart().toString());
				text(row, 5, r.termEnd() == null ? null : r.termEnd().toString());
				text(row, 6, r.state().label());
				text(row, 7, r.overdue() ? "是" : "否");
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void text(Row row, int column, String value) {
		if (value != null) {
			row.createCell(column).setCellValue(ExcelText.neutralise(value));
		}
	}
}
