package org.quntuan.finance;

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

/** The audit board as an .xlsx file; a few hundred rows at most, so built in memory. */
final class AuditBoardExport {

	private static final String[] HEADERS = { "年度", "片组", "被审计组织", "类型", "审计状态", "审计人", "未销号问题", "逾期问题", "结束时间" };

	private static final int[] WIDTHS = { 8, 14, 28, 8, 12, 12, 12, 10, 18 };

	private AuditBoardExport() {
	}

	static byte[] write(List<AuditViews.Row> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("经费审计");
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
			for (AuditViews.Row r : rows) {
				Row row = sheet.createRow(++n);
				row.createCell(0).setCellValue(r.year());
				text(row, 1, r.groupName());
				text(row, 2, r.orgName());
				text(row, 3, r.orgType());
				text(row, 4, r.status().label());
				text(row, 5, r.auditor());
				row.createCell(6).setCellValue(r.openFindings());
				row.createCell(7).setCellValue(r.overdueFindings());
				text(row, 8, r.closedAt() == null ? null
						: r.closedAt().atZoneSameInstant(org.quntuan.platform.Zones.BUSINESS).toLocalDateTime()
							.withNano(0).toString().replace('T', ' '));
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
