package org.quntuan.finance.audits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** What an audit refuses, and who may do what in it; a refused request changes nothing. */
class FinanceAuditRulesTests extends AuditTestSupport {

	@Test
	void anAuditDoesNotCloseWhileAFindingIsOpenOrTheChecklistIsIncomplete() throws Exception {
		long union = orgId("市财政局工会");
		long audit = start(plan(2012, union));
		MvcResult unchecked = postJson("auditor1", "/api/v1/finance/audits/" + audit + "/close", "{\"conclusion\":\"规范\"}");
		assertThat(unchecked.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(unchecked)).contains("检查清单还有 7 项");
		for (int item = 1; item <= 7; item++) {
			putJson("auditor1", "/api/v1/finance/audits/" + audit + "/checks/" + item, "{\"result\":\"NA\"}");
		}
		for (int i = 0; i < 2; i++) {
			assertThat(postJson("admin", "/api/v1/finance/audits/" + audit + "/findings",
					findingBody("MINOR", today().plusDays(10), List.of())).getResponse().getStatus()).isEqualTo(201);
		}
		MvcResult refused = postJson("auditor1", "/api/v1/finance/audits/" + audit + "/close", "{\"conclusion\":\"规范\"}");
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(refused)).contains("还有 2 项").contains("尚未整改销号");
		assertThat(auditStatus(audit)).isEqualTo("RECTIFYING");
		assertThat(jdbc.sql("select conclusion from fin_audit where id = :id").param("id", audit).query(String.class)
			.optional()).isEmpty();
		// a plan made by the federation admin, and the admin acting as auditor, work the same way
		assertThat(postJson("admin", "/api/v1/finance/audits", "{\"year\":2012,\"orgIds\":[" + orgId("第一片组") + "]}")
			.getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void badInputIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
		long union = orgId("市财政局工会");
		long other = orgId("市教育局工会");
		List<Long> own = AuditFixtures.entries(jdbc, journal, categories, union, 2013, 2);
		List<Long> foreign = AuditFixtures.entries(jdbc, journal, categories, other, 2013, 1);
		long audit = start(plan(2013, union));
		String findings = "/api/v1/finance/audits/" + audit + "/findings";

		assertRefused(postJson("auditor1", findings, findingBody("轻微", today().plusDays(5), List.of())), 400, "问题性质");
		assertRefused(postJson("auditor1", findings, findingBody("MAJOR", today().minusDays(1), List.of())), 400,
				"整改期限不能早于今天");
		// a far year parses but the database cannot hold it: a clear 400, not a 500
		assertRefused(postJson("auditor1", findings, findingBody("MAJOR", LocalDate.of(10_000_000, 1, 1), List.of())), 400,
				"整改期限最晚为 5 年后");
		assertRefused(postJson("auditor1", findings, findingBody("MAJOR", today().plusYears(5).plusDays(1), List.of())), 400,
				"整改期限最晚为 5 年后（" + today().plusYears(5) + "）");
		assertRefused(postJson("auditor1", findings, findingBody("MAJOR", today(), List.of()).replace(today().toString(), "下月底")),
				400, "格式不正确");
		assertRefused(postJson("auditor1", findings, findingBody("SEVERE", today().plusDays(5), List.of(own.get(0), foreign.get(0)))),
				400, "不属于被审计账簿");
		assertRefused(postJson("auditor1", findings, "{\"severity\":\"一般\",\"deadline\":\"" + today() + "\"}"), 400, "问题描述");
		assertThat(count("select count(*) from fin_audit_finding where audit_id = :id", audit)).isZero();
		assertThat(auditStatus(audit)).isEqualTo("IN_PROGRESS");

		String samples = "/api/v1/finance/audits/" + audit + "/samples";
		assertRefused(postJson("auditor1", samples, "{\"txnId\":" + foreign.get(0) + "}"), 400, "不属于被审计账簿");
		assertRefused(postJson("auditor1", samples, "{}"), 400, "抽查");
		assertRefused(postJson("auditor1", samples, "{\"count\":0}"), 400, "1 到 50");
		assertRefused(postJson("auditor1", samples, "{\"count\":2,\"txnId\":" + own.get(0) + "}"), 400, "抽查");
		assertThat(count("select count(*) from fin_audit_sample where audit_id = :id", audit)).isZero();

		String check = "/api/v1/finance/audits/" + audit + "/checks/";
		assertRefused(putJson("auditor1", check + "1", "{\"result\":\"NOPE\"}"), 400, "检查结果");
		assertRefused(putJson("auditor1", check + "1", "{\"result\":\"ISSUE\"}"), 400, "请说明");
		assertRefused(putJson("auditor1", check + "99", "{\"result\":\"OK\"}"), 404, "第 99 项");
		assertThat(count("select count(*) from fin_audit_check where audit_id = :id and result is not null", audit)).isZero();

		// evidence of a forbidden type, or not what its name says, is not kept; answering needs words
		long finding = body(postJson("auditor1", findings, findingBody("一般", today().plusDays(5), List.of(own.get(1)))))
			.get("id").asLong();
		assertRefused(upload("finance1", finding, "整改说明.txt", "已整改".getBytes()), 400, "文件类型不受支持");
		assertRefused(upload("finance1", finding, "整改说明.exe", new byte[] { 'M', 'Z', 0, 0 }), 400, "文件类型不受支持");
		assertRefused(upload("finance1", finding, "伪装.pdf", "not a pdf".getBytes()), 400, "内容与扩展名不符");
		assertRefused(postJson("finance1", "/api/v1/finance/findings/" + finding + "/response", "{\"response\":\"  \"}"), 400,
				"整改情况");
		assertThat(jdbc.sql("select count(*) from stored_file where owner_type = 'FIN_FINDING' and owner_id = :id")
			.param("id", finding).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select status from fin_audit_finding where id = :id").param("id", finding).query(String.class)
			.single()).isEqualTo("OPEN");

		// a verdict needs a response to judge, and a reason to send it back
		String decision = "/api/v1/finance/findings/" + finding + "/decision";
		assertRefused(postJson("auditor1", decision, "{\"accept\":true}"), 409, "尚未反馈");
		postJson("finance1", "/api/v1/finance/findings/" + finding + "/response", "{\"response\":\"已整改\"}");
		assertRefused(postJson("auditor1", decision, "{\"accept\":false}"), 400, "理由");
		assertRefused(postJson("auditor1", decision, "{}"), 400, "通过");
		assertThat(jdbc.sql("select status from fin_audit_finding where id = :id").param("id", finding).query(String.class)
			.single()).isEqualTo("RESPONDED");
		assertRefused(postJson("finance1", "/api/v1/finance/findings/" + finding + "/response", "{\"response\":\"再说\"}"), 409,
				"等待");
		// five years from today is the latest deadline accepted
		MvcResult latest = postJson("auditor1", findings, findingBody("一般", today().plusYears(5), List.of()));
		assertThat(latest.getResponse().getStatus()).as(detail(latest)).isEqualTo(201);
	}

	@Test
	void onlyUnionAndGroupBooksArePlannedInAYearThatMakesSense() throws Exception {
		long before = jdbc.sql("select count(*) from fin_audit").query(Long.class).single();
		String plans = "/api/v1/finance/audits";
		assertRefused(postJson("auditor1", plans, "{\"year\":2013,\"orgIds\":[" + orgId("市财政局") + "]}"), 400, "只审计工会和片组");
		assertRefused(postJson("auditor1", plans, "{\"year\":2013,\"orgIds\":[" + orgId("市直机关工委") + "]}"), 400, "只审计工会和片组");
		assertRefused(postJson("auditor1", plans, "{\"year\":2013,\"orgIds\":[]}"), 400, "至少选择");
		assertRefused(postJson("auditor1", plans, "{\"year\":1999,\"orgIds\":[" + orgId("市财政局工会") + "]}"), 400, "审计年度");
		assertRefused(postJson("auditor1", plans, "{\"orgIds\":[" + orgId("市财政局工会") + "]}"), 400, "审计年度");
		assertRefused(postJson("auditor1", plans, "{\"year\":2013,\"orgIds\":[999999999]}"), 404, "不存在");
		assertRefused(postJson("admin", "/api/v1/finance/audit-plans/default", "{\"year\":3000}"), 400, "审计年度");
		assertThat(jdbc.sql("select count(*) from fin_audit").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyTheBooksReadersSeeAnAuditOnlyAuditorsPerformItAndOnlyKeepersAnswer() throws Exception {
		long union = orgId("市财政局工会");
		List<Long> entries = AuditFixtures.entries(jdbc, journal, categories, union, 2014, 1);
		long audit = plan(2014, union);
		String base = "/api/v1/finance/audits/" + audit;

		// a sibling union's admin, and people who read no books, see nothing of it
		assertThat(getAs("orgadmin2", base).getResponse().getStatus()).isEqualTo(404);
		assertThat(body(getAs("orgadmin2", "/api/v1/finance/audits?year=2014")).findValuesAsString("orgName"))
			.doesNotContain("市财政局工会");
		assertThat(getAs("member1", base).getResponse().getStatus()).isEqualTo(404);
		assertThat(getAs("member1", "/api/v1/finance/audits").getResponse().getStatus()).isEqualTo(403);
		assertThat(getAs("group1", base).getResponse().getStatus()).isEqualTo(200);
		assertThat(auditJson("finance1", audit).get("canPerform").asBoolean()).isFalse();
		assertThat(auditJson("finance1", audit).get("canRespond").asBoolean()).isTrue();

		// the union's keepers neither plan nor perform their own audit
		assertThat(postJson("finance1", base + "/start", "").getResponse().getStatus()).isEqualTo(403);
		assertThat(postJson("group1", base + "/start", "").getResponse().getStatus()).isEqualTo(403);
		assertThat(postJson("orgadmin2", base + "/start", "").getResponse().getStatus()).isEqualTo(404);
		assertThat(auditStatus(audit)).isEqualTo("PLANNED");
		assertThat(postJson("finance1", "/api/v1/finance/audits", "{\"year\":2014,\"orgIds\":[" + orgId("市教育局工会") + "]}")
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(postJson("orgadmin1", "/api/v1/finance/audit-plans/default", "{\"year\":2014}").getResponse().getStatus())
			.isEqualTo(403);
		start(audit);
		assertThat(postJson("finance1", base + "/findings", findingBody("一般", today(), List.of())).getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(putJson("finance1", base + "/checks/1", "{\"result\":\"OK\"}").getResponse().getStatus()).isEqualTo(403);
		assertThat(postJson("finance1", base + "/samples", "{\"count\":1}").getResponse().getStatus()).isEqualTo(403);
		assertThat(postJson("orgadmin1", base + "/close", "{\"conclusion\":\"x\"}").getResponse().getStatus()).isEqualTo(403);
		assertThat(count("select count(*) from fin_audit_finding where audit_id = :id", audit)).isZero();

		// the auditor does not answer for the union, and the sibling's admin cannot even find the finding
		long finding = body(postJson("auditor1", base + "/findings", findingBody("一般", today(), List.of(entries.get(0)))))
			.get("id").asLong();
		assertThat(postJson("auditor1", "/api/v1/finance/findings/" + finding + "/response", "{\"response\":\"代为整改\"}")
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(postJson("admin", "/api/v1/finance/findings/" + finding + "/response", "{\"response\":\"代为整改\"}")
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(postJson("orgadmin2", "/api/v1/finance/findings/" + finding + "/response", "{\"response\":\"整改\"}")
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(upload("orgadmin2", finding, "a.pdf", AuditFixtures.PDF).getResponse().getStatus()).isEqualTo(404);
		assertThat(postJson("finance1", "/api/v1/finance/findings/" + finding + "/decision", "{\"accept\":true}")
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select status from fin_audit_finding where id = :id").param("id", finding).query(String.class)
			.single()).isEqualTo("OPEN");
	}

	@Test
	void auditorsAreReadOnlyOnMoney() throws Exception {
		long union = orgId("市财政局工会");
		long entry = AuditFixtures.entries(jdbc, journal, categories, union, 2014, 1).get(0);
		MvcResult reversal = postJson("auditor1", "/api/v1/finance/entries/" + entry + "/reversal", "{\"reason\":\"审计调整\"}");
		assertThat(reversal.getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from fin_txn where reverses_txn_id = :id").param("id", entry).query(Long.class)
			.single()).isZero();
		MvcResult budget = putJson("auditor1", "/api/v1/finance/budgets",
				"{\"orgId\":" + union + ",\"year\":2014,\"category\":\"ACTIVITY\",\"amount\":\"1000.00\"}");
		assertThat(budget.getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from fin_budget where org_id = :o and fiscal_year = 2014").param("o", union)
			.query(Long.class).single()).isZero();
		// while the auditor does read the entry
		assertThat(getAs("auditor1", "/api/v1/finance/entries/" + entry).getResponse().getStatus()).isEqualTo(200);
	}

	private static void assertRefused(MvcResult result, int status, String message) throws Exception {
		assertThat(result.getResponse().getStatus()).as(detail(result)).isEqualTo(status);
		assertThat(detail(result)).contains(message);
	}

	@Test
	void aSampledExpenseShowsAsAPositiveAmountInTheExpenseColumnAsInTheJournal() throws Exception {
		long union = orgId("市财政局工会");
		long audit = start(plan(2009, union));
		long expense = AuditFixtures.entries(jdbc, journal, categories, union, 2009, 1).get(0);
		assertThat(postJson("auditor1", "/api/v1/finance/audits/" + audit + "/samples", "{\"txnId\":" + expense + "}")
			.getResponse().getStatus()).isEqualTo(201);
		assertThat(postJson("auditor1", "/api/v1/finance/audits/" + audit + "/findings",
				findingBody("MINOR", today().plusDays(10), List.of(expense))).getResponse().getStatus()).isEqualTo(201);

		String page = mvc.perform(MockMvcRequestBuilders
			.get("/finance/audits/" + audit).session(login("auditor1"))).andReturn().getResponse().getContentAsString();
		String samples = page.substring(page.indexOf("id=\"sample-table\""), page.indexOf("</table>", page.indexOf("id=\"sample-table\"")));
		assertThat(samples).contains("<th class=\"text-end\">收入</th>", "<th class=\"text-end\">支出</th>")
			.containsPattern("<td class=\"text-end\"></td>\\s*<td class=\"text-end\">120.00</td>").doesNotContain("-120.00");
		assertThat(page).contains("支出 120.00").doesNotContain("-120.00");
	}
}
