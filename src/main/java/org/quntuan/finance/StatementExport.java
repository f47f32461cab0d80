package org.quntuan.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/** The statement as an .xlsx file (amounts as numbers with two decimals) and as chart data for the page. */
final class StatementExport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StatementExport() {
	}

	static byte[] write(Statements.Statement s) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("finance.statement.title")).widths(24, 18, 18, 12);
		table.title(s.consolidated() ? Texts.localized("finance.statement.export.title-consolidated", s.orgName(), s.bookCount())
				: Texts.localized("finance.statement.export.title", s.orgName()));
		table.line(Texts.localized("finance.statement.export.period", s.year(), s.fromMonth(), s.toMonth()));
		table.gap();
		table.totalRow().text(Texts.localized("finance.statement.opening")).money(s.openingBalance());
		table.title(Texts.localized("finance.statement.income"));
		for (Statements.CategoryAmount c : s.income()) {
			table.row().text("　" + c.name()).money(c.amount());
		}
		table.totalRow().text(Texts.localized("finance.statement.totalIncome")).money(s.totalIncome());
		table.title(Texts.localized("finance.statement.expense"));
		for (Statements.CategoryAmount c : s.expense()) {
			table.row().text("　" + c.name()).money(c.amount());
		}
		table.totalRow().text(Texts.localized("finance.statement.totalExpense")).money(s.totalExpense());
		table.totalRow().text(Texts.localized("finance.statement.surplus")).money(s.surplus());
		table.totalRow().text(Texts.localized("finance.statement.closing")).money(s.closingBalance());
		table.gap();
		table.totalRow().text(Texts.localized("finance.statement.export.budget")).text(Texts.localized("finance.budget.amount"))
			.text(Texts.localized("finance.budget.actual")).text(Texts.localized("finance.budget.percent"));
		for (Statements.BudgetLine b : s.budget()) {
			table.row()
				.text(b.name())
				.money(b.budget())
				.money(b.actual())
				.text(b.percent() == null ? Texts.localized("finance.budget.missing") : b.percent().toPlainString() + "%");
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
