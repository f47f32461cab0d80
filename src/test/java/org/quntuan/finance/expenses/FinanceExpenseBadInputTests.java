package org.quntuan.finance.expenses;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.finance.YearCloses;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** What an expense filing refuses, each with a clear message, and that a refusal stores nothing. */
class FinanceExpenseBadInputTests extends ExpenseTestSupport {

	record Case(String body, int status, String message) {
	}

	@Test
	void badFilingsAreRefusedWithAClearMessageAndStoreNothing() throws Exception {
		long union = union();
		String base = "\"orgId\":" + union + ",\"purpose\":\"测试\"";
		List<Case> cases = List.of(
				new Case("{" + base + ",\"category\":\"ACTIVITY\",\"amount\":\"-5.00\"}", 400, "金额必须大于零"),
				new Case("{" + base + ",\"category\":\"ACTIVITY\",\"amount\":\"0\"}", 400, "金额必须大于零"),
				new Case("{" + base + ",\"category\":\"ACTIVITY\",\"amount\":\"12.345\"}", 400, "金额最多保留两位小数（到分）：12.345"),
				new Case("{" + base + ",\"category\":\"ACTIVITY\",\"amount\":\"一千元\"}", 400, "金额“一千元”格式不正确，应为数字，如 1280.50"),
				new Case("{" + base + ",\"category\":\"ACTIVITY\"}", 400, "请填写金额"),
				new Case("{" + base + ",\"category\":\"团建聚餐\",\"amount\":\"10.00\"}", 400, "收支科目“团建聚餐”不存在"),
				new Case("{" + base + ",\"category\":\"会费收入\",\"amount\":\"10.00\"}", 400, "“会费收入”不是支出科目"),
				new Case("{" + base + ",\"amount\":\"10.00\"}", 400, "请选择支出科目"),
				new Case("{\"orgId\":" + union + ",\"category\":\"ACTIVITY\",\"amount\":\"10.00\",\"purpose\":\"  \"}", 400,
						"请填写支出用途"),
				new Case("{\"category\":\"ACTIVITY\",\"amount\":\"10.00\",\"purpose\":\"测试\"}", 400, "请选择账簿"),
				new Case("{" + base + ",\"category\":\"ACTIVITY\",\"amount\":\"10.00\",\"activityId\":-3}", 400,
						"关联活动编号应为正整数"),
				new Case("{" + base + ",\"category\":\"ACTIVITY\",\"amount\":\"10.00\",\"date\":\"" + today().plusYears(2)
						+ "\"}", 400, "支出日期不能晚于一年以后"),
				new Case("{\"orgId\":" + orgId("市教育局工会") + ",\"category\":\"ACTIVITY\",\"amount\":\"10.00\",\"purpose\":\"测试\"}",
						404, "账簿不存在或无权访问"),
				new Case("{\"orgId\":" + orgId("市财政局") + ",\"category\":\"ACTIVITY\",\"amount\":\"10.00\",\"purpose\":\"测试\"}",
						404, "账簿不存在或无权访问"));
		long expenses = count("fin_expense");
		long txns = count("fin_txn");
		long approvals = count("approval");
		for (Case c : cases) {
			MvcResult r = postJson("finance1", "/api/v1/finance/expenses", c.body());
			assertThat(r.getResponse().getStatus()).as(c.body()).isEqualTo(c.status());
			assertThat(body(r).get("detail").asString()).as(c.body()).isEqualTo(c.message());
		}
		// a book above the finance officer's, and an organ, which keeps no books: the federation admin is told why
		MvcResult organ = postJson("admin", "/api/v1/finance/expenses",
				"{\"orgId\":" + orgId("市财政局") + ",\"category\":\"ACTIVITY\",\"amount\":\"10.00\",\"purpose\":\"测试\"}");
		assertThat(organ.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(organ).get("detail").asString()).isEqualTo("市财政局不设账簿：只有工会、片组和机关工委记账");
		assertThat(count("fin_expense")).isEqualTo(expenses);
		assertThat(count("fin_txn")).isEqualTo(txns);
		assertThat(count("approval")).isEqualTo(approvals);
	}

	@Test
	void anExpenseDatedInAClosedYearIsRefusedAtFiling() throws Exception {
		long group = orgId("第七片组");
		int year = today().getYear() - 4;
		long expenses = count("fin_expense");
		long approvals = count("approval");
		String filing = """
				{"orgId":%d,"category":"OTHER_OUT","amount":"10.00","purpose":"补记","date":"%d-03-01"}"""
			.formatted(group, year);
		// the year itself closed (the demo's later close lifted meanwhile): the message names that year
		try (YearCloses.Lifted open = YearCloses.openFrom(jdbc, year, group);
				AutoCloseable closed = closedYear(group, year)) {
			MvcResult r = postJson("admin", "/api/v1/finance/expenses", filing);
			assertThat(r.getResponse().getStatus()).isEqualTo(422);
			assertThat(body(r).get("detail").asString()).isEqualTo(year + " 年度已结账，不能再记入该年度的凭证");
		}
		// the year open but a later one closed (the demo closes last year): refused all the same, naming that year
		int lastYear = today().getYear() - 1;
		assertThat(YearCloses.closes(jdbc, group)).extracting(YearCloses.Close::year).containsExactly(lastYear);
		MvcResult r = postJson("admin", "/api/v1/finance/expenses", filing);
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(r).get("detail").asString())
			.isEqualTo(lastYear + " 年度已结账，" + year + " 年度及以前的账目不能再记入凭证");
		assertThat(count("fin_expense")).isEqualTo(expenses);
		assertThat(count("approval")).isEqualTo(approvals);
	}

	@Test
	void receiptsArePdfOrImagesOnlyAndARefusedOneLeavesNothing() throws Exception {
		JsonNode filed = file("finance1", "120.00", "打印纸");
		long id = filed.get("id").asLong();
		String path = "/api/v1/finance/expenses/" + id + "/receipts";
		long receipts = filesOf("FIN_EXPENSE");
		for (String[] bad : new String[][] { { "setup.exe", "MZ\u0090\u0000" }, { "说明.txt", "发票号 123" },
				{ "发票.docx", "PK" } }) {
			MvcResult r = upload("finance1", path, bad[0], bad[1].getBytes(StandardCharsets.UTF_8));
			assertThat(r.getResponse().getStatus()).as(bad[0]).isEqualTo(400);
			assertThat(body(r).get("detail").asString()).as(bad[0]).isEqualTo("文件类型不受支持，仅接受 .pdf、.png、.jpg、.jpeg 文件");
		}
		MvcResult disguised = upload("finance1", path, "发票.pdf", "not a pdf".getBytes());
		assertThat(disguised.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(disguised).get("detail").asString()).contains("文件内容与扩展名不符");
		MvcResult none = mvc.perform(MockMvcRequestBuilders.multipart(path)
			.header("Authorization", bearer("finance1"))).andReturn();
		assertThat(none.getResponse().getStatus()).isEqualTo(400);
		assertThat(filesOf("FIN_EXPENSE")).isEqualTo(receipts);
		assertThat(upload("auditor1", path, "发票.pdf", PDF).getResponse().getStatus()).isEqualTo(403);

		MvcResult stored = upload("finance1", path, "发票.pdf", PDF);
		assertThat(stored.getResponse().getStatus()).isEqualTo(201);
		assertThat(upload("finance1", path, "现场.png", PNG).getResponse().getStatus()).isEqualTo(201);
		JsonNode view = expense("auditor1", id);
		assertThat(view.get("receipts").valueStream().map(r -> r.get("name").asString())).containsExactly("发票.pdf", "现场.png");
		long fileId = body(stored).get("id").asLong();
		var auditor = login("auditor1");
		var download = mvc.perform(MockMvcRequestBuilders
			.get("/finance/expenses/" + id + "/receipts/" + fileId).session(auditor)).andReturn();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		var sibling = login("orgadmin2");
		assertThat(mvc.perform(MockMvcRequestBuilders
			.get("/finance/expenses/" + id + "/receipts/" + fileId).session(sibling)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		// a file of another expense is not served through this one
		JsonNode other = file("finance1", "10.00", "胶水");
		assertThat(mvc.perform(MockMvcRequestBuilders
			.get("/finance/expenses/" + other.get("id").asLong() + "/receipts/" + fileId).session(auditor)).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		for (long e : new long[] { id, other.get("id").asLong() }) {
			postJson("finance1", "/api/v1/finance/expenses/" + e + "/withdraw", "{}");
		}
		// withdrawn: no more receipts
		assertThat(upload("finance1", path, "补充.pdf", PDF).getResponse().getStatus()).isEqualTo(422);
	}
}
