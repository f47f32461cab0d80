package org.quntuan.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.excel.ExcelCells;

/** The statement as an .xlsx file (amounts as numbers with two decimals) and as chart data for the page. */
final class StatementExport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StatementExport() {
	}

	static byte[] write(Statements.Statement s) {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet("收支情况表");
		CellStyle strong = ExcelCells.bold(workbook);
		CellStyle money = ExcelCells.money(workbook);
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 18 * 256);
		sheet.setColumnWidth(2, 18 * 256);
		sheet.setColumnWidth(3, 12 * 256);
		int r = 0;
		ExcelCells.text(sheet.createRow(r++), 0, s.orgName() + (s.consolidated() ? "（合并 " + s.bookCount() + " 个账簿）" : "")
				+ " 收支情况表", strong);
		ExcelCells.text(sheet.createRow(r++), 0, s.year() + " 年 " + s.fromMonth() + "—" + s.toMonth() + " 月　单位：元", null);
		r++;
		r = amountRow(sheet, r, "期初银行存款", s.openingBalance(), strong, money);
		ExcelCells.text(sheet.createRow(r++), 0, "一、收入", strong);
		for (Statements.CategoryAmount c : s.income()) {
			r = amountRow(sheet, r, "　" + c.name(), c.amount(), null, money);
		}
		r = amountRow(sheet, r, "收入合计", s.totalIncome(), strong, money);
		ExcelCells.text(sheet.createRow(r++), 0, "二、支出", strong);
		for (Statements.CategoryAmount c : s.expense()) {
			r = amountRow(sheet, r, "　" + c.name(), c.amount(), null, money);
		}
		r = amountRow(sheet, r, "支出合计", s.totalExpense(), strong, money);
		r = amountRow(sheet, r, "本期结余", s.surplus(), strong, money);
		r = amountRow(sheet, r, "期末银行存款", s.closingBalance(), strong, money);
		r++;
		Row head = sheet.createRow(r++);
		ExcelCells.text(head, 0, "预算执行（支出科目）", strong);
		ExcelCells.text(head, 1, "预算", strong);
		ExcelCells.text(head, 2, "实际", strong);
		ExcelCells.text(head, 3, "执行率", strong);
		for (Statements.BudgetLine b : s.budget()) {
			Row row = sheet.createRow(r++);
			ExcelCells.text(row, 0, b.name(), null);
			ExcelCells.number(row, 1, b.budget(), money);
			ExcelCells.number(row, 2, b.actual(), money);
			ExcelCells.text(row, 3, b.percent() == null ? "未编预算" : b.percent().toPlainString() + "%", null);
		}
		return ExcelCells.bytes(workbook);
	}

	/** {"categories":[…], "income":[…], "expense":[…]} for the bar chart of the statement page. */
	static String chartData(Statements.Statement s) {
		Map<String, Object> data = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		s.income().forEach(c -> {
			names.add(c.name());
			values.add(c.amount());
			kinds.add("income");
		});
		s.expense().forEach(c -> {
			names.add(c.name());
			values.add(c.amount());
			kinds.add("expense");
		});
		data.put("names", names);
		data.put("values", values);
		data.put("kinds", kinds);
		return JSON.writeValueAsString(data);
	}

	private static int amountRow(Sheet sheet, int r, String label, BigDecimal amount, CellStyle labelStyle,
			CellStyle money) {
		Row row = sheet.createRow(r);
		ExcelCells.text(row, 0, label, labelStyle);
		ExcelCells.number(row, 1, amount, money);
		return r + 1;
	}
}
