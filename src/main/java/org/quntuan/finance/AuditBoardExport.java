package org.quntuan.finance;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.excel.ExcelCells;

/** The audit board as an .xlsx file; a few hundred rows at most, so built in memory. */
final class AuditBoardExport {

	private static final String[] HEADERS = { "年度", "片组", "被审计组织", "类型", "审计状态", "审计人", "未销号问题", "逾期问题", "结束时间" };

	private static final int[] WIDTHS = { 8, 14, 28, 8, 12, 12, 12, 10, 18 };

	private AuditBoardExport() {
	}

	static byte[] write(List<AuditViews.Row> rows) {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet("经费审计");
		ExcelCells.header(sheet, 0, HEADERS, WIDTHS, ExcelCells.bold(workbook));
		sheet.createFreezePane(0, 1);
		int n = 0;
		for (AuditViews.Row r : rows) {
			Row row = sheet.createRow(++n);
			row.createCell(0).setCellValue(r.year());
			ExcelCells.text(row, 1, r.groupName(), null);
			ExcelCells.text(row, 2, r.orgName(), null);
			ExcelCells.text(row, 3, r.orgType(), null);
			ExcelCells.text(row, 4, r.status().label(), null);
			ExcelCells.text(row, 5, r.auditor(), null);
			row.createCell(6).setCellValue(r.openFindings());
			row.createCell(7).setCellValue(r.overdueFindings());
			ExcelCells.text(row, 8, r.closedAt() == null ? null
					: r.closedAt().atZoneSameInstant(org.quntuan.platform.Zones.BUSINESS).toLocalDateTime()
						.withNano(0).toString().replace('T', ' '), null);
		}
		return ExcelCells.bytes(workbook);
	}
}
