package org.quntuan.finance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.excel.ExcelText;

/** The statement as an .xlsx file (amounts as numbers with two decimals) and as chart data for the page. */
final class StatementExport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StatementExport() {
	}

	static byte[] write(Statements.Statement s) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("收支情况表");
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle strong = workbook.createCellStyle();
			strong.setFont(bold);
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			sheet.setColumnWidth(0, 24 * 256);
			sheet.setColumnWidth(1, 18 * 256);
			sheet.setColumnWidth(2, 18 * 256);
			sheet.setColumnWidth(3, 12 * 256);
			int r = 0;
			text(sheet.createRow(r++), 0, s.orgName() + (s.consolidated() ? "（合并 " + s.bookCount() + " 个账簿）" : "")
					+ " 收支情况表", strong);
			text(sheet.createRow(r++), 0, s.year() + " 年 " + s.fromMonth() + "—" + s.toMonth() + " 月　单位：元", null);
			r++;
			r = amountRow(sheet, r, "期初银行存款", s.openingBalance(), strong, money);
			text(sheet.createRow(r++), 0, "一、收入", strong);
			for (Statements.CategoryAmount c : s.income()) {
				r = amountRow(sheet, r, "　" + c.name(), c.amount(), null, money);
			}
			r = amountRow(sheet, r, "收入合计", s.totalIncome(), strong, money);
			text(sheet.createRow(r++), 0, "二、支出", strong);
			for (Statements.CategoryAmount c : s.expense()) {
				r = amountRow(sheet, r, "　" + c.name(), c.amount(), null, money);
			}
			r = amountRow(sheet, r, "支出合计", s.totalExpense(), strong, money);
			r = amountRow(sheet, r, "本期结余", s.surplus(), strong, money);
			r = amountRow(sheet, r, "期末银行存款", s.closingBalance(), strong, money);
			r++;
			Row head = sheet.createRow(r++);
			text(head, 0, "预算执行（支出科目）", strong);
			text(head, 1, "预算", strong);
			text(head, 2, "实际", strong);
			text(head, 3, "执行率", strong);
			for (Statements.BudgetLine b : s.budget()) {
				Row row = sheet.createRow(r++);
				text(row, 0, b.name(), null);
				number(row, 1, b.budget(), money);
				number(row, 2, b.actual(), money);
				text(row, 3, b.percent() == null ? "未编预算" : b.percent().toPlainString() + "%", null);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
		text(row, 0, label, labelStyle);
		number(row, 1, amount, money);
		return r + 1;
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(ExcelText.neutralise(value));
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private static void number(Row row, int column, BigDecimal value, CellStyle style) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value.doubleValue());
			cell.setCellStyle(style);
		}
	}
}
