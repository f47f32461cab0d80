package org.quntuan.finance.incomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.finance.YearCloses;
import org.quntuan.finance.expenses.ExpenseTestSupport;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** 收入登记: recorded and posted at once by a keeper; dues are refused here; documents of the right kinds only. */
class FinanceIncomeTests extends ExpenseTestSupport {

	@Test
	void anAllocationIsRecordedAndPostedInOneGo() throws Exception {
		BigDecimal before = statementTotal("finance1", union(), "totalIncome");
		MvcResult r = postJson("finance1", "/api/v1/finance/incomes", """
				{"orgId":%d,"category":"拨缴经费收入","amount":"20000.00","date":"%s","counterparty":"市财政局",
				 "memo":"本年度第一季度工会经费拨缴"}""".formatted(union(), today()));
		assertThat(r.getResponse().getStatus()).isEqualTo(201);
		JsonNode income = body(r);
		assertThat(income.get("amount").asString()).isEqualTo("20000.00");
		assertThat(income.get("category").asString()).isEqualTo("ALLOCATION");
		long id = income.get("id").asLong();
		long txn = income.get("txnId").asLong();
		assertThat(postingsOf("INCOME", id)).isEqualTo(1);
		assertThat(lineSum(txn)).isEqualByComparingTo("0");
		assertThat(jdbc.sql("select amount from fin_line where txn_id = :t and account = 'BANK'").param("t", txn)
			.query(BigDecimal.class).single()).isEqualByComparingTo("20000.00");
		assertThat(jdbc.sql("select counterparty from fin_txn where id = :t").param("t", txn).query(String.class).single())
			.isEqualTo("市财政局");
		assertThat(statementTotal("finance1", union(), "totalIncome").subtract(before)).isEqualByComparingTo("20000.00");
		JsonNode list = body(getJson("auditor1", "/api/v1/finance/incomes?orgId=" + union() + "&size=200"));
		assertThat(list.get("content").valueStream().map(i -> i.get("id").asLong())).contains(id);
	}

	@Test
	void duesAnExpenseCategoryAndBadValuesAreRefusedAndNothingIsPosted() throws Exception {
		long incomes = count("fin_income");
		long txns = count("fin_txn");
		String[][] cases = {
				{ "\"category\":\"会费收入\",\"amount\":\"100.00\",\"counterparty\":\"会员\"", "400",
						"会费收入请在“会费收缴”中按月收缴入账，不在收入登记中录入" },
				{ "\"category\":\"DUES\",\"amount\":\"100.00\",\"counterparty\":\"会员\"", "400",
						"会费收入请在“会费收缴”中按月收缴入账，不在收入登记中录入" },
				{ "\"category\":\"职工活动支出\",\"amount\":\"100.00\",\"counterparty\":\"x\"", "400", "“职工活动支出”不是收入科目" },
				{ "\"category\":\"SUBSIDY_IN\",\"amount\":\"0.001\",\"counterparty\":\"x\"", "400", "金额最多保留两位小数（到分）：0.001" },
				{ "\"category\":\"SUBSIDY_IN\",\"amount\":\"-1\",\"counterparty\":\"x\"", "400", "金额必须大于零" },
				{ "\"category\":\"SUBSIDY_IN\",\"amount\":\"1.00\"", "400", "请填写付款单位" },
				{ "\"category\":\"SUBSIDY_IN\",\"amount\":\"1.00\",\"counterparty\":\"x\",\"date\":\"" + today().plusDays(1)
						+ "\"", "400", "收入日期不能晚于今天" } };
		for (String[] c : cases) {
			MvcResult r = postJson("finance1", "/api/v1/finance/incomes", "{\"orgId\":" + union() + "," + c[0] + "}");
			assertThat(r.getResponse().getStatus()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
			assertThat(body(r).get("detail").asString()).as(c[0]).isEqualTo(c[2]);
		}
		String good = "{\"orgId\":%d,\"category\":\"OTHER_IN\",\"amount\":\"5.00\",\"counterparty\":\"银行\"}";
		MvcResult auditor = postJson("auditor1", "/api/v1/finance/incomes", good.formatted(union()));
		assertThat(auditor.getResponse().getStatus()).isEqualTo(403);
		assertThat(postJson("orgadmin2", "/api/v1/finance/incomes", good.formatted(union())).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(getJson("orgadmin2", "/api/v1/finance/incomes?orgId=" + union()).getResponse().getStatus())
			.isEqualTo(404);
		long group = orgId("第七片组");
		int year = today().getYear() - 5;
		String dated = """
				{"orgId":%d,"category":"OTHER_IN","amount":"5.00","counterparty":"银行","date":"%d-12-31"}"""
			.formatted(group, year);
		// the year itself closed (the demo's later close lifted meanwhile): the message names that year
		try (YearCloses.Lifted open = YearCloses.openFrom(jdbc, year, group);
				AutoCloseable closed = closedYear(group, year)) {
			MvcResult r = postJson("admin", "/api/v1/finance/incomes", dated);
			assertThat(r.getResponse().getStatus()).isEqualTo(422);
			assertThat(body(r).get("detail").asString()).isEqualTo(year + " 年度已结账，不能再记入该年度的凭证");
		}
		// the year open but a later one closed (the demo closes last year): refused all the same, naming that year
		int lastYear = today().getYear() - 1;
		assertThat(YearCloses.closes(jdbc, group)).extracting(YearCloses.Close::year).containsExactly(lastYear);
		MvcResult later = postJson("admin", "/api/v1/finance/incomes", dated);
		assertThat(later.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(later).get("detail").asString())
			.isEqualTo(lastYear + " 年度已结账，" + year + " 年度及以前的账目不能再记入凭证");
		assertThat(count("fin_income")).isEqualTo(incomes);
		assertThat(count("fin_txn")).isEqualTo(txns);
	}

	@Test
	void documentsAreOfficeFilesPdfsOrImagesOnly() throws Exception {
		JsonNode income = body(postJson("finance1", "/api/v1/finance/incomes", """
				{"orgId":%d,"category":"SUBSIDY_IN","amount":"3000.00","counterparty":"第一片组","memo":"上级补助"}"""
			.formatted(union())));
		String path = "/api/v1/finance/incomes/" + income.get("id").asLong() + "/documents";
		long documents = filesOf("FIN_INCOME");
		MvcResult exe = upload("finance1", path, "补助.exe", "MZ".getBytes());
		assertThat(exe.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(exe).get("detail").asString()).isEqualTo("文件类型不受支持，仅接受 .pdf、.png、.jpg、.jpeg、.xlsx、.docx 文件");
		assertThat(upload("auditor1", path, "通知.pdf", PDF).getResponse().getStatus()).isEqualTo(403);
		assertThat(filesOf("FIN_INCOME")).isEqualTo(documents);
		assertThat(upload("finance1", path, "通知.pdf", PDF).getResponse().getStatus()).isEqualTo(201);
		assertThat(upload("finance1", path, "明细.docx", docx()).getResponse().getStatus()).isEqualTo(201);
		JsonNode view = body(getJson("auditor1", "/api/v1/finance/incomes/" + income.get("id").asLong()));
		assertThat(view.get("documents").valueStream().map(d -> d.get("name").asString())).containsExactly("通知.pdf", "明细.docx");
		long fileId = view.get("documents").get(0).get("id").asLong();
		var download = mvc.perform(MockMvcRequestBuilders
			.get("/finance/incomes/" + income.get("id").asLong() + "/documents/" + fileId).session(login("auditor1")))
			.andReturn();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(MockMvcRequestBuilders
			.get("/finance/incomes/" + income.get("id").asLong() + "/documents/" + fileId).session(login("orgadmin2")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	static byte[] docx() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes());
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<document/>".getBytes());
			zip.closeEntry();
		}
		return out.toByteArray();
	}
}
