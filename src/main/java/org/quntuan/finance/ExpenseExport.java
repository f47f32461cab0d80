package org.quntuan.finance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelText;

/** The expense list as filtered on the page, as an .xlsx file; amounts are numbers with two decimals. */
final class ExpenseExport {

	private static final String[] HEADERS = { "编号", "支出日期", "科目", "金额（元）", "用途", "申请人", "状态", "凭证号", "提交时间" };

	private static final int[] WIDTHS = { 8, 12, 14, 14, 40, 12, 10, 8, 18 };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ExpenseExport() {
	}

	static byte[] write(String bookName, List<ExpenseViews.Item> items) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("经费支出");
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			sheet.createRow(0).createCell(0).setCellValue(ExcelText.neutralise(bookName) + " 经费支出");
			Row head = sheet.createRow(1);
			for (int i = 0; i < HEADERS.length; i++) {
				head.createCell(i).setCellValue(HEADERS[i]);
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			int r = 2;
			for (ExpenseViews.Item e : items) {
				Row row = sheet.createRow(r++);
				int c = 0;
				row.createCell(c++).setCellValue(e.id());
				row.createCell(c++).setCellValue(e.date().toString());
				row.createCell(c++).setCellValue(text(e.categoryName()));
				Cell amount = row.createCell(c++);
				amount.setCellValue(new java.math.BigDecimal(e.amount()).doubleValue());
				amount.setCellStyle(money);
				row.createCell(c++).setCellValue(text(e.purpose()));
				row.createCell(c++).setCellValue(text(e.applicantName()));
				row.createCell(c++).setCellValue(e.statusLabel());
				row.createCell(c++).setCellValue(e.txnId() == null ? "" : String.valueOf(e.txnId()));
				row.createCell(c).setCellValue(e.createdAt() == null ? ""
						: e.createdAt().atZoneSameInstant(Zones.BUSINESS).format(TIME));
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(String s) {
		return s == null ? "" : ExcelText.neutralise(s);
	}
}
