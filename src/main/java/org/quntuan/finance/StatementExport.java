package org.quntuan.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.platform.excel.ExcelTable;

/** The statement as an .xlsx file (amounts as numbers with two decimals) and as chart data for the page. */
final class StatementExport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StatementExport() {
	}

	static byte[] write(Statements.Statement s) {
		ExcelTable table = ExcelTable.create().sheet("收支情况表").widths(24, 18, 18, 12);
		table.title(s.orgName() + (s.consolidated() ? "（合并 " + s.bookCount() + " 个账簿）" : "") + " 收支情况表");
		table.line(s.year() + " 年 " + s.fromMonth() + "—" + s.toMonth() + " 月　单位：元");
		table.gap();
		table.totalRow().text("期初银行存款").money(s.openingBalance());
		table.title("一、收入");
		for (Statements.CategoryAmount c : s.income()) {
			table.row().text("　" + c.name()).money(c.amount());
		}
		table.totalRow().text("收入合计").money(s.totalIncome());
		table.title("二、支出");
		for (Statements.CategoryAmount c : s.expense()) {
			table.row().text("　" + c.name()).money(c.amount());
		}
		table.totalRow().text("支出合计").money(s.totalExpense());
		table.totalRow().text("本期结余").money(s.surplus());
		table.totalRow().text("期末银行存款").money(s.closingBalance());
		table.gap();
		table.totalRow().text("预算执行（支出科目）").text("预算").text("实际").text("执行率");
		for (Statements.BudgetLine b : s.budget()) {
			table.row()
				.text(b.name())
				.money(b.budget())
				.money(b.actual())
				.text(b.percent() == null ? "未编预算" : b.percent().toPlainString() + "%");
		}
		return table.bytes();
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
}
