package org.quntuan.finance;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.excel.ExcelCells;

/** The payroll import template and a dues sheet as .xlsx files. */
final class DuesExport {

	static final String TEMPLATE_NAME = "工资表导入模板.xlsx";

	private DuesExport() {
	}

	/** The header row (姓名, 身份证号 as text, 月工资基数, 实缴金额) and a sheet of instructions. */
	static byte[] template() {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet data = workbook.createSheet("工资表");
		CellStyle strong = ExcelCells.bold(workbook);
		CellStyle text = workbook.createCellStyle();
		text.setDataFormat(workbook.createDataFormat().getFormat("@"));
		CellStyle money = ExcelCells.money(workbook);
		ExcelCells.header(data, 0, new String[] { Payroll.NAME, Payroll.ID_NUMBER, Payroll.BASE, Payroll.PAID },
				new int[] { 14, 22, 14, 14 }, strong);
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
			ExcelCells.text(help.createRow(i), 0, lines[i], i == 0 ? strong : null);
		}
		return ExcelCells.bytes(workbook);
	}

	/** The sheet with its lines: for the union's finance officers only. */
	static byte[] write(DuesQueries.SheetView sheet) {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet data = workbook.createSheet("会费收缴表");
		CellStyle strong = ExcelCells.bold(workbook);
		CellStyle money = ExcelCells.money(workbook);
		int r = 0;
		ExcelCells.text(data.createRow(r++), 0, sheet.orgName() + " " + sheet.period() + "会费收缴表", strong);
		ExcelCells.text(data.createRow(r++), 0, "状态：" + sheet.status().label() + "　会费比例："
				+ sheet.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%　单位：元", null);
		ExcelCells.header(data, r++, new String[] { "序号", Payroll.NAME, Payroll.BASE, "应缴金额", Payroll.PAID, "欠缴金额" },
				new int[] { 8, 14, 14, 14, 14, 14 }, strong);
		int n = 1;
		for (DuesQueries.LineView line : sheet.lines()) {
			Row row = data.createRow(r++);
			row.createCell(0).setCellValue(n++);
			ExcelCells.text(row, 1, line.name(), null);
			ExcelCells.number(row, 2, line.basePay(), money);
			ExcelCells.number(row, 3, line.amountDue(), money);
			ExcelCells.number(row, 4, line.amountPaid(), money);
			ExcelCells.number(row, 5, line.arrears(), money);
		}
		Row total = data.createRow(r);
		ExcelCells.text(total, 1, "合计（" + sheet.memberCount() + " 人）", strong);
		ExcelCells.number(total, 3, sheet.totalDue(), money);
		ExcelCells.number(total, 4, sheet.totalPaid(), money);
		ExcelCells.number(total, 5, sheet.arrears(), money);
		return ExcelCells.bytes(workbook);
	}
}
