package org.quntuan.finance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.excel.ExcelText;

/** The payroll import template and a dues sheet as .xlsx files. */
final class DuesExport {

	static final String TEMPLATE_NAME = "工资表导入模板.xlsx";

	private DuesExport() {
	}

	/** The header row (姓名, 身份证号 as text, 月工资基数, 实缴金额) and a sheet of instructions. */
	static byte[] template() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet data = workbook.createSheet("工资表");
			CellStyle strong = bold(workbook);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle money = money(workbook);
			Row head = data.createRow(0);
			String[] titles = { Payroll.NAME, Payroll.ID_NUMBER, Payroll.BASE, Payroll.PAID };
			for (int i = 0; i < titles.length; i++) {
				text(head, i, titles[i], strong);
				data.setColumnWidth(i, (i == 1 ? 22 : 14) * 256);
			}
			data.setDefaultColumnStyle(1, text);
			data.setDefaultColumnStyle(2, money);
			data.setDefaultColumnStyle(3, money);
			Sheet help = workbook.createSheet("填写说明");
			help.setColumnWidth(0, 90 * 256);
			String[] lines = { "工资表导入说明", "1. 第 1 行为表头，请从第 2 行起每行填写一名会员，不要改动表头。",
					"2. 姓名、身份证号须与人员信息中登记的一致；按身份证号在本单位人员中查找，只能导入本会会员。",
					"3. 月工资基数以元为单位，最多两位小数，如 8650.00；会费 = 月工资基数 × 会费比例（默认 0.5%），四舍五入到分。",
					"4. 实缴金额只在导入会费收缴表时使用，可不填：不填时实缴金额等于应缴金额。",
					"5. 文件中任何一行有错误时，全部不导入；请按提示的行号改正后重新上传。" };
			for (int i = 0; i < lines.length; i++) {
				text(help.createRow(i), 0, lines[i], i == 0 ? strong : null);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The sheet with its lines: for the union's finance officers only. */
	static byte[] write(DuesQueries.SheetView sheet) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet data = workbook.createSheet("会费收缴表");
			CellStyle strong = bold(workbook);
			CellStyle money = money(workbook);
			int r = 0;
			text(data.createRow(r++), 0, sheet.orgName() + " " + sheet.period() + "会费收缴表", strong);
			text(data.createRow(r++), 0, "状态：" + sheet.status().label() + "　会费比例："
					+ sheet.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%　单位：元", null);
			Row head = data.createRow(r++);
			String[] titles = { "序号", Payroll.NAME, Payroll.BASE, "应缴金额", Payroll.PAID, "欠缴金额" };
			for (int i = 0; i < titles.length; i++) {
				text(head, i, titles[i], strong);
				data.setColumnWidth(i, (i == 0 ? 8 : 14) * 256);
			}
			int n = 1;
			for (DuesQueries.LineView line : sheet.lines()) {
				Row row = data.createRow(r++);
				row.createCell(0).setCellValue(n++);
				text(row, 1, line.name(), null);
				number(row, 2, line.basePay(), money);
				number(row, 3, line.amountDue(), money);
				number(row, 4, line.amountPaid(), money);
				number(row, 5, line.arrears(), money);
			}
			Row total = data.createRow(r);
			text(total, 1, "合计（" + sheet.memberCount() + " 人）", strong);
			number(total, 3, sheet.totalDue(), money);
			number(total, 4, sheet.totalPaid(), money);
			number(total, 5, sheet.arrears(), money);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CellStyle bold(XSSFWorkbook workbook) {
		Font font = workbook.createFont();
		font.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		return style;
	}

	private static CellStyle money(XSSFWorkbook workbook) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
		return style;
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(ExcelText.neutralise(value));
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static void number(Row row, int column, BigDecimal value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value.doubleValue());
		cell.setCellStyle(style);
	}
}
