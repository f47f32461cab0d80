package org.quntuan.finance;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelCells;

/** The expense list as filtered on the page, as an .xlsx file; amounts are numbers with two decimals. */
final class ExpenseExport {

	private static final String[] HEADERS = { "编号", "支出日期", "科目", "金额（元）", "用途", "申请人", "状态", "凭证号", "提交时间" };

	private static final int[] WIDTHS = { 8, 12, 14, 14, 40, 12, 10, 8, 18 };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ExpenseExport() {
	}

	static byte[] write(String bookName, List<ExpenseViews.Item> items) {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet("经费支出");
		CellStyle money = ExcelCells.money(workbook);
		ExcelCells.text(sheet.createRow(0), 0, bookName + " 经费支出", null);
		ExcelCells.header(sheet, 1, HEADERS, WIDTHS, null);
		int r = 2;
		for (ExpenseViews.Item e : items) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(e.id());
			ExcelCells.text(row, 1, e.date().toString(), null);
			ExcelCells.text(row, 2, e.categoryName(), null);
			ExcelCells.number(row, 3, new BigDecimal(e.amount()), money);
			ExcelCells.text(row, 4, e.purpose(), null);
			ExcelCells.text(row, 5, e.applicantName(), null);
			ExcelCells.text(row, 6, e.statusLabel(), null);
			ExcelCells.text(row, 7, e.txnId() == null ? null : String.valueOf(e.txnId()), null);
			ExcelCells.text(row, 8, e.createdAt() == null ? null : e.createdAt().atZoneSameInstant(Zones.BUSINESS).format(TIME),
					null);
		}
		return ExcelCells.bytes(workbook);
	}
}
