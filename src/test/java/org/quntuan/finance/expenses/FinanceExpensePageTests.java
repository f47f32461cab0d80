package org.quntuan.finance.expenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.budgets.Budgets;
import org.quntuan.platform.Zones;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** The expense, income and budget pages: what keepers and readers see and do. */
class FinanceExpensePageTests extends ExpenseTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	Budgets budgets;

	@org.springframework.beans.factory.annotation.Autowired
	Categories categories;

	@Test
	void aKeeperFilesAnExpenseWithReceiptsFromTheForm() throws Exception {
		MockHttpSession finance = login("finance1");
		String form = mvc.perform(get("/finance/expenses/new").session(finance)).andReturn().getResponse()
			.getContentAsString();
		assertThat(form).contains("id=\"expense-form\"").contains("职工活动支出").doesNotContain("会费收入")
			.contains("5,000.00");
		long expenses = count("fin_expense");
		MvcResult r = mvc.perform(multipart("/finance/expenses").file(new MockMultipartFile("files", "发票.pdf",
				"application/pdf", PDF)).file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
			.param("orgId", String.valueOf(union())).param("category", "ACTIVITY").param("amount", "1,280.50")
			.param("purpose", "职工趣味运动会奖品").param("date", today().toString()).session(finance).with(csrf()))
			.andReturn();
		assertThat(r.getResponse().getRedirectedUrl()).matches("/finance/expenses/\\d+");
		long id = Long.parseLong(r.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		assertThat(count("fin_expense")).isEqualTo(expenses + 1);
		assertThat(jdbc.sql("select amount from fin_expense where id = :id").param("id", id).query(BigDecimal.class)
			.single()).isEqualByComparingTo("1280.50");
		assertThat(jdbc.sql("select count(*) from stored_file where owner_type = 'FIN_EXPENSE' and owner_id = :id")
			.param("id", id).query(Long.class).single()).isEqualTo(1);

		String page = mvc.perform(get("/finance/expenses/" + id).session(finance)).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("1,280.50").contains("职工趣味运动会奖品").contains("发票.pdf")
			.contains("id=\"expense-withdraw-form\"").contains("data-confirm=").contains("/approvals/")
			.doesNotContain("id=\"expense-resubmit-form\"");
		// the approver reaches the page from the approval and may decide there
		String approver = mvc.perform(get("/finance/expenses/" + id).session(login("orgadmin1"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(approver).contains("id=\"expense-decide\"").doesNotContain("id=\"expense-withdraw-form\"");
		mvc.perform(post("/finance/expenses/" + id + "/withdraw").session(finance).with(csrf()));
		assertThat(expense("finance1", id).get("status").asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void aRefusedFormStoresNeitherTheExpenseNorItsReceipts() throws Exception {
		MockHttpSession finance = login("finance1");
		long expenses = count("fin_expense");
		long receipts = filesOf("FIN_EXPENSE");
		long approvals = count("approval");
		MvcResult r = mvc.perform(multipart("/finance/expenses").file(new MockMultipartFile("files", "发票.pdf",
				"application/pdf", PDF)).file(new MockMultipartFile("files", "清单.txt", "text/plain", "x".getBytes()))
			.param("orgId", String.valueOf(union())).param("category", "ACTIVITY").param("amount", "100.00")
			.param("purpose", "带了不合规的票据").session(finance).with(csrf())).andReturn();
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/finance/expenses/new?orgId=" + union());
		assertThat(r.getFlashMap().get("error")).isEqualTo("文件类型不受支持，仅接受 .pdf、.png、.jpg、.jpeg 文件");
		assertThat(count("fin_expense")).isEqualTo(expenses);
		assertThat(filesOf("FIN_EXPENSE")).isEqualTo(receipts);
		assertThat(count("approval")).isEqualTo(approvals);
		// what was typed comes back in the form
		String again = mvc.perform(get("/finance/expenses/new?orgId=" + union()).session(finance)
			.flashAttrs(r.getFlashMap())).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("带了不合规的票据");
	}

	@Test
	void auditorsSeeTheListButNoFormAndGetForbiddenOnIt() throws Exception {
		JsonNode filed = file("finance1", "77.00", "档案盒");
		MockHttpSession auditor = login("auditor1");
		String list = mvc.perform(get("/finance/expenses?orgId=" + union() + "&status=PENDING").session(auditor))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("档案盒").doesNotContain("id=\"expense-new\"");
		assertThat(mvc.perform(get("/finance/expenses/new?orgId=" + union()).session(auditor)).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		String keeper = mvc.perform(get("/finance/expenses?orgId=" + union()).session(login("finance1"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(keeper).contains("id=\"expense-new\"");
		assertThat(mvc.perform(get("/finance/expenses?orgId=" + union()).session(login("orgadmin2"))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		postJson("finance1", "/api/v1/finance/expenses/" + filed.get("id").asLong() + "/withdraw", "{}");
	}

	@Test
	void theExportHoldsTheFilteredList() throws Exception {
		JsonNode filed = file("finance1", "1234.56", "=HYPERLINK(\\\"http://x\\\")");
		MvcResult r = mvc.perform(get("/finance/expenses/export?orgId=" + union() + "&status=PENDING")
			.session(login("auditor1"))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(r.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			Row found = null;
			for (Row row : sheet) {
				if (row.getRowNum() > 1) {
					assertThat(row.getCell(6).getStringCellValue()).isEqualTo("审批中");
					if ((long) row.getCell(0).getNumericCellValue() == filed.get("id").asLong()) {
						found = row;
					}
				}
			}
			assertThat(found).isNotNull();
			assertThat(found.getCell(3).getNumericCellValue()).isEqualTo(1234.56);
			assertThat(found.getCell(4).getStringCellValue()).startsWith("'=");
		}
		postJson("finance1", "/api/v1/finance/expenses/" + filed.get("id").asLong() + "/withdraw", "{}");
	}

	@Test
	void theBudgetsPageSetsALineForKeepersAndHighlightsExecution() throws Exception {
		int year = today().getYear() + 1;
		MockHttpSession finance = login("finance1");
		MvcResult saved = mvc.perform(post("/finance/budgets").param("orgId", String.valueOf(union()))
			.param("year", String.valueOf(year)).param("category", "RIGHTS").param("amount", "12,000.00")
			.session(finance).with(csrf())).andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/finance/budgets?orgId=" + union() + "&year=" + year);
		assertThat(budget(year, "RIGHTS")).isEqualByComparingTo("12000.00");
		MvcResult bad = mvc.perform(post("/finance/budgets").param("orgId", String.valueOf(union()))
			.param("year", String.valueOf(year)).param("category", "RIGHTS").param("amount", "-1").session(finance)
			.with(csrf())).andReturn();
		assertThat(bad.getFlashMap().get("error")).isEqualTo("金额不能为负数");
		assertThat(budget(year, "RIGHTS")).isEqualByComparingTo("12000.00");
		assertThat(mvc.perform(post("/finance/budgets").param("orgId", String.valueOf(union()))
			.param("year", String.valueOf(year)).param("category", "RIGHTS").param("amount", "1.00")
			.session(login("auditor1")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(budget(year, "RIGHTS")).isEqualByComparingTo("12000.00");

		String page = mvc.perform(get("/finance/budgets?orgId=" + union() + "&year=" + year).session(finance))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"budget-RIGHTS\"").contains("value=\"12000.00\"").contains("维权支出")
			.contains("id=\"budget-save-RIGHTS\"");
		String read = mvc.perform(get("/finance/budgets?orgId=" + union() + "&year=" + year).session(login("auditor1")))
			.andReturn().getResponse().getContentAsString();
		assertThat(read).contains("12,000.00").doesNotContain("budget-save-RIGHTS");
	}

	@Test
	void theIncomePageRecordsAnIncomeWithItsDocument() throws Exception {
		MockHttpSession finance = login("finance1");
		assertThat(mvc.perform(get("/finance/incomes?orgId=" + union()).session(finance)).andReturn().getResponse()
			.getContentAsString()).contains("id=\"income-form\"").contains("拨缴经费收入").doesNotContain(">会费收入<");
		long incomes = count("fin_income");
		MvcResult r = mvc.perform(multipart("/finance/incomes").file(new MockMultipartFile("file", "回单.pdf",
				"application/pdf", PDF)).param("orgId", String.valueOf(union())).param("category", "OTHER_IN")
			.param("amount", "88.80").param("counterparty", "工商银行").param("memo", "存款利息").session(finance).with(csrf()))
			.andReturn();
		assertThat(r.getFlashMap().get("success")).isEqualTo("已登记收入并记账");
		assertThat(count("fin_income")).isEqualTo(incomes + 1);
		String page = mvc.perform(get("/finance/incomes?orgId=" + union()).session(login("auditor1"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("存款利息").contains("回单.pdf").contains("88.80").doesNotContain("id=\"income-form\"");
	}

	@Test
	void yearsAndNumbersInHeadingsAreWrittenWithoutThousandsSeparators() throws Exception {
		// a number given to a message as is comes out as "2,026" or "凭证 1,234": each is passed as text
		MockHttpSession finance = login("finance1");
		String budgets = mvc.perform(get("/finance/budgets?orgId=" + union() + "&year=2026").session(finance)).andReturn()
			.getResponse().getContentAsString();
		assertThat(budgets).contains("2026 年预算执行").doesNotContain("2,026");

		long txn = jdbc.sql("select max(id) from fin_txn where org_id = :o").param("o", union()).query(Long.class).single();
		String entry = mvc.perform(get("/finance/entries/" + txn).session(finance)).andReturn().getResponse()
			.getContentAsString();
		assertThat(entry).contains("凭证 " + txn);
		if (txn >= 1000) {
			assertThat(entry).doesNotContain("凭证 " + String.format(Locale.ROOT, "%,d", txn));
		}

		long id = file("finance1", "12.00", "标题编号检查").get("id").asLong();
		String expense = mvc.perform(get("/finance/expenses/" + id).session(finance)).andReturn().getResponse()
			.getContentAsString();
		assertThat(expense).contains("支出申请 " + id + " · ").contains(">支出申请 " + id + "</h1>");
		postJson("finance1", "/api/v1/finance/expenses/" + id + "/withdraw", "{}");
	}

	@Test
	void theBudgetExportHoldsTheLinesOfThePageForTheBookAndYearWithCategoryNamesThatCannotBeFormulas()
			throws Exception {
		int year = today().getYear() + 2;
		long other = orgId("市教育局工会");
		jdbc.sql("insert into fin_category (code, name, kind, sort_order, active) values ('XLSX_FORMULA', :n, 'EXPENSE', 9999, true)")
			.param("n", "=HYPERLINK(\"http://x\")").update();
		long audited = count("audit_event where object_type = 'FIN_BUDGET_EXPORT'");
		try {
			MockHttpSession finance = login("finance1");
			mvc.perform(post("/finance/budgets").param("orgId", String.valueOf(union())).param("year", String.valueOf(year))
				.param("category", "RIGHTS").param("amount", "12345.00").session(finance).with(csrf())).andReturn();
			jdbc.sql("delete from fin_budget where org_id = :o and fiscal_year = :y").param("o", other).param("y", year).update();
			as("admin", () -> {
				budgets.set(other, year, "RIGHTS", "777.00");
				return null;
			});
			Sheet sheet = budgetSheet(finance, union(), year);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("市财政局工会").contains(year + " 年预算执行");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("科目");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("执行率");
			Map<String, Double> budgetOf = new HashMap<>();
			for (int r = 2; r < sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				budgetOf.put(row.getCell(0).getStringCellValue(),
						row.getCell(1) == null || row.getCell(1).getCellType() == CellType.BLANK ? null
								: row.getCell(1).getNumericCellValue());
			}
			assertThat(budgetOf).hasSize(categories.active(Category.Kind.EXPENSE).size())
				.containsEntry("维权支出", 12345.0).containsKey("'=HYPERLINK(\"http://x\")");
			assertThat(budgetOf.values()).as("another union's budget").doesNotContain(777.0);
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("合计");
			assertThat(mvc.perform(get("/finance/budgets/export").param("orgId", String.valueOf(other))
				.param("year", String.valueOf(year)).session(finance)).andReturn().getResponse().getStatus())
				.as("another union's book").isEqualTo(404);
			assertThat(count("audit_event where object_type = 'FIN_BUDGET_EXPORT'")).isEqualTo(audited + 1);
		}
		finally {
			jdbc.sql("delete from fin_category where code = 'XLSX_FORMULA'").update();
		}
	}

	private Sheet budgetSheet(MockHttpSession session, long orgId, int year) throws Exception {
		MvcResult r = mvc.perform(get("/finance/budgets/export").param("orgId", String.valueOf(orgId))
			.param("year", String.valueOf(year)).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(r.getResponse().getHeader("Content-Disposition")).contains("xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetName(0)).isEqualTo("预算执行");
			return book.getSheetAt(0);
		}
	}

	@Test
	void theIncomeExportHoldsEveryIncomeOfTheBookAndNoOtherWithCounterpartiesThatCannotBeFormulas() throws Exception {
		long other = orgId("市教育局工会");
		MvcResult own = postJson("finance1", "/api/v1/finance/incomes", """
				{"orgId":%d,"category":"OTHER_IN","amount":"66.60","counterparty":"=HYPERLINK(\\"http://x\\")",
				 "memo":"导出测试：本会收入"}""".formatted(union()));
		assertThat(own.getResponse().getStatus()).as(own.getResponse().getContentAsString()).isEqualTo(201);
		MvcResult theirs = postJson("admin", "/api/v1/finance/incomes", """
				{"orgId":%d,"category":"OTHER_IN","amount":"55.50","counterparty":"银行","memo":"导出测试：他会收入"}"""
			.formatted(other));
		assertThat(theirs.getResponse().getStatus()).as(theirs.getResponse().getContentAsString()).isEqualTo(201);
		long audited = count("audit_event where object_type = 'FIN_INCOME_EXPORT'");
		MockHttpSession finance = login("finance1");
		MvcResult r = mvc.perform(get("/finance/incomes/export").param("orgId", String.valueOf(union())).session(finance))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(r.getResponse().getHeader("Content-Disposition")).contains("xlsx");
		long rows = jdbc.sql("select count(*) from fin_income where org_id = :o").param("o", union()).query(Long.class)
			.single();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(book.getSheetName(0)).isEqualTo("收入登记");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("收入日期");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("付款单位");
			assertThat(sheet.getLastRowNum()).as("title, header, every income of the book, the total").isEqualTo(rows + 2);
			List<String> memos = new ArrayList<>();
			String counterparty = null;
			for (int r2 = 2; r2 < sheet.getLastRowNum(); r2++) {
				Row row = sheet.getRow(r2);
				String memo = row.getCell(4) == null ? "" : row.getCell(4).getStringCellValue();
				memos.add(memo);
				if (memo.equals("导出测试：本会收入")) {
					counterparty = row.getCell(3).getStringCellValue();
				}
			}
			assertThat(counterparty).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(memos).doesNotContain("导出测试：他会收入");
		}
		assertThat(mvc.perform(get("/finance/incomes/export").param("orgId", String.valueOf(other)).session(finance))
			.andReturn().getResponse().getStatus()).as("another union's book").isEqualTo(404);
		assertThat(count("audit_event where object_type = 'FIN_INCOME_EXPORT'")).isEqualTo(audited + 1);
	}

	private BigDecimal budget(int year, String category) {
		return jdbc.sql("select amount from fin_budget where org_id = :o and fiscal_year = :y and category_code = :c")
			.param("o", union()).param("y", year).param("c", category).query(BigDecimal.class).single();
	}

	@Test
	void theExpensePageShowsWhenItWasFiledInBeijingTime() throws Exception {
		long id = file("finance1", "86.00", "早餐会茶歇").get("id").asLong();
		// 08:53 in Beijing, stored as the UTC instant 00:53Z, as PostgreSQL hands it back
		OffsetDateTime filed = today().atTime(8, 53).atZone(Zones.BUSINESS)
			.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		jdbc.sql("update fin_expense set created_at = :at where id = :id").param("at", filed).param("id", id).update();

		String page = mvc.perform(get("/finance/expenses/" + id).session(login("finance1"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains(today() + " 08:53").doesNotContain(today() + " 00:53");
	}
}
