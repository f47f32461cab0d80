package org.quntuan.governance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The annual-report board as an .xlsx (a few hundred rows at most). */
final class AnnualReportExcel {

	private AnnualReportExcel() {
	}

	static byte[] write(int year, List<AnnualReportBoardRow> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(year + "年度报告");
			String[] header = { "片组", "组织", "类型", "是否已报告", "报告日期", "报告文件", "工委确认" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			int n = 1;
			for (AnnualReportBoardRow r : rows) {
				Row row = sheet.createRow(n++);
				row.createCell(0).setCellValue(r.groupName() == null ? "" : r.groupName());
				row.createCell(1).setCellValue(r.orgName());
				row.createCell(2).setCellValue(r.orgType().label());
				row.createCell(3).setCellValue(r.reported() ? "已报告" : "未报告");
				row.createCell(4).setCellValue(r.reportedOn() == null ? "" : r.reportedOn().toString());
				row.createCell(5).setCellValue(r.fileName() == null ? "" : r.fileName());
				row.createCell(6).setCellValue(r.confirmed() ? "已确认" : "");
			}
			for (int i = 0; i < header.length; i++) {
				sheet.setColumnWidth(i, i == 1 || i == 5 ? 30 * 256 : 14 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
