package org.quntuan.finance.expenses;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.finance.YearCloses;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 经费支出 through its approval: filed by the union's finance officer, approved by the union's admin
 * (and, above 5,000.00 yuan, reviewed by the group's admin), then posted to the journal once.
 */
class FinanceExpenseApiTests extends ExpenseTestSupport {

	@Test
	void anApprovedExpenseIsPostedOnceAndRaisesTheStatementsExpense() throws Exception {
		BigDecimal before = statementTotal("finance1", union(), "totalExpense");
		JsonNode filed = file("finance1", "1280.50", "工会会员春季健步走活动饮用水");
		assertThat(filed.get("status").asString()).isEqualTo("PENDING");
		assertThat(filed.get("amount").asString()).isEqualTo("1280.50");
		assertThat(filed.get("category").asString()).isEqualTo("ACTIVITY");
		assertThat(filed.get("categoryName").asString()).isEqualTo("职工活动支出");
		assertThat(filed.has("budgetWarning")).isTrue();
		assertThat(filed.has("amountText")).isFalse();
		long id = filed.get("id").asLong();
		long approval = filed.get("approvalId").asLong();
		assertThat(postingsOf("EXPENSE", id)).isZero();
		JsonNode steps = body(getJson("finance1", "/api/v1/approvals/" + approval)).get("steps");
		assertThat(steps).hasSize(1);
		assertThat(steps.get(0).get("name").asString()).isEqualTo("本级负责人审批");

		assertThat(decide("orgadmin1", approval, "APPROVE", "同意").getResponse().getStatus()).isEqualTo(200);

		JsonNode approved = expense("finance1", id);
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		long txn = approved.get("txnId").asLong();
		assertThat(postingsOf("EXPENSE", id)).isEqualTo(1);
		assertThat(lineSum(txn)).isEqualByComparingTo("0");
		JsonNode entry = body(getJson("finance1", "/api/v1/finance/entries/" + txn));
		assertThat(entry.get("categoryCode").asString()).isEqualTo("ACTIVITY");
		assertThat(entry.get("bankAmount").decimalValue()).isEqualByComparingTo("-1280.50");
		assertThat(entry.get("memo").asString()).isEqualTo("工会会员春季健步走活动饮用水");
		assertThat(statementTotal("finance1", union(), "totalExpense").subtract(before)).isEqualByComparingTo("1280.50");
		// a second decision finds the approval decided and posts nothing more
		assertThat(decide("orgadmin1", approval, "APPROVE", "同意，票据另附纸质件").getResponse().getStatus()).isEqualTo(409);
		assertThat(postingsOf("EXPENSE", id)).isEqualTo(1);
	}

	@Test
	void aboveTheThresholdTheGroupAdminReviewsAfterTheUnionAdminAndNobodyTakesBothSteps() throws Exception {
		JsonNode filed = file("finance1", "6000.00", "购置职工之家健身器材");
		long id = filed.get("id").asLong();
		long approval = filed.get("approvalId").asLong();
		JsonNode steps = body(getJson("finance1", "/api/v1/approvals/" + approval)).get("steps");
		assertThat(steps).hasSize(2);
		assertThat(steps.get(1).get("name").asString()).isEqualTo("上级复核");

		assertThat(decide("orgadmin1", approval, "APPROVE", "同意，票据另附纸质件").getResponse().getStatus()).isEqualTo(200);
		assertThat(expense("finance1", id).get("status").asString()).isEqualTo("PENDING");
		assertThat(postingsOf("EXPENSE", id)).isZero();
		MvcResult again = decide("orgadmin1", approval, "APPROVE", "同意，票据另附纸质件");
		assertThat(again.getResponse().getStatus()).isIn(403, 409);
		assertThat(postingsOf("EXPENSE", id)).isZero();

		assertThat(decide("group1", approval, "APPROVE", "复核同意").getResponse().getStatus()).isEqualTo(200);
		JsonNode approved = expense("finance1", id);
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		assertThat(postingsOf("EXPENSE", id)).isEqualTo(1);
		assertThat(jdbc.sql("select recorded_by_account_id from fin_txn where id = :t")
			.param("t", approved.get("txnId").asLong()).query(Long.class).single())
			.isEqualTo(jdbc.sql("select id from account where username = 'group1'").query(Long.class).single());
	}

	@Test
	void nobodyApprovesTheirOwnExpense() throws Exception {
		JsonNode filed = file("orgadmin1", "300.00", "慰问生病住院职工");
		long approval = filed.get("approvalId").asLong();
		MvcResult own = decide("orgadmin1", approval, "APPROVE", "同意，票据另附纸质件");
		assertThat(own.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(own).get("detail").asString()).isEqualTo("不能审批本人提交的申请");
		assertThat(expense("orgadmin1", filed.get("id").asLong()).get("status").asString()).isEqualTo("PENDING");
		assertThat(postingsOf("EXPENSE", filed.get("id").asLong())).isZero();
		// the step went up to the group, the next admin who is not the applicant
		JsonNode steps = body(getJson("orgadmin1", "/api/v1/approvals/" + approval)).get("steps");
		assertThat(steps.get(0).get("approverOrgName").asString()).isEqualTo("第一片组");
		assertThat(decide("group1", approval, "APPROVE", "同意，票据另附纸质件").getResponse().getStatus()).isEqualTo(200);
		assertThat(postingsOf("EXPENSE", filed.get("id").asLong())).isEqualTo(1);
	}

	@Test
	void aRejectedExpenseIsNotPosted() throws Exception {
		long txnsBefore = count("fin_txn");
		JsonNode filed = file("finance1", "880.00", "购买节日慰问品");
		assertThat(decide("orgadmin1", filed.get("approvalId").asLong(), "REJECT", "不符合慰问品标准").getResponse()
			.getStatus()).isEqualTo(200);
		JsonNode rejected = expense("finance1", filed.get("id").asLong());
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.get("txnId").isNull()).isTrue();
		assertThat(postingsOf("EXPENSE", filed.get("id").asLong())).isZero();
		assertThat(count("fin_txn")).isEqualTo(txnsBefore);
	}

	@Test
	void aReturnedExpenseIsEditedResubmittedAndThenApproved() throws Exception {
		JsonNode filed = file("finance1", "1500.00", "羽毛球比赛场地费");
		long id = filed.get("id").asLong();
		long approval = filed.get("approvalId").asLong();
		// not editable while pending
		assertThat(putJson("finance1", "/api/v1/finance/expenses/" + id, """
				{"category":"ACTIVITY","amount":"900.00","purpose":"x","version":%d}""".formatted(filed.get("version").asInt()))
			.getResponse().getStatus()).isEqualTo(422);
		assertThat(decide("orgadmin1", approval, "RETURN", "请按实际场次核减金额").getResponse().getStatus()).isEqualTo(200);
		JsonNode returned = expense("finance1", id);
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		assertThat(returned.get("editable").asBoolean()).isTrue();
		int version = returned.get("version").asInt();
		String change = """
				{"category":"职工活动支出","amount":"900.00","purpose":"羽毛球比赛场地费（3 场）","version":%d}""";
		// someone else, a stale version, a bad amount: refused, nothing changes
		assertThat(putJson("orgadmin1", "/api/v1/finance/expenses/" + id, change.formatted(version)).getResponse()
			.getStatus()).isEqualTo(403);
		MvcResult stale = putJson("finance1", "/api/v1/finance/expenses/" + id, change.formatted(version - 1));
		assertThat(stale.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(stale).get("detail").asString()).contains("已被修改");
		assertThat(putJson("finance1", "/api/v1/finance/expenses/" + id, change.replace("900.00", "9.999").formatted(version))
			.getResponse().getStatus()).isEqualTo(400);
		// past the threshold the one-step approval cannot do: file anew
		MvcResult grown = putJson("finance1", "/api/v1/finance/expenses/" + id, change.replace("900.00", "5000.01")
			.formatted(version));
		assertThat(grown.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(grown).get("detail").asString()).contains("上级复核");
		assertThat(expense("finance1", id).get("amount").asString()).isEqualTo("1500.00");

		MvcResult edited = putJson("finance1", "/api/v1/finance/expenses/" + id, change.formatted(version));
		assertThat(edited.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(edited).get("amount").asString()).isEqualTo("900.00");
		assertThat(body(edited).get("version").asInt()).isGreaterThan(version);
		MvcResult resubmitted = postJson("finance1", "/api/v1/finance/expenses/" + id + "/resubmit",
				"{\"comment\":\"已按 3 场核减\"}");
		assertThat(resubmitted.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(resubmitted).get("status").asString()).isEqualTo("PENDING");

		assertThat(decide("orgadmin1", approval, "APPROVE", "同意，票据另附纸质件").getResponse().getStatus()).isEqualTo(200);
		JsonNode approved = expense("finance1", id);
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		assertThat(jdbc.sql("select amount from fin_line where txn_id = :t and account = 'BANK'")
			.param("t", approved.get("txnId").asLong()).query(BigDecimal.class).single()).isEqualByComparingTo("-900.00");
	}

	@Test
	void theApplicantWithdrawsBeforeADecisionAndNobodyCanApproveItAfter() throws Exception {
		JsonNode filed = file("finance1", "420.00", "工会小组学习资料印制");
		long id = filed.get("id").asLong();
		assertThat(postJson("orgadmin1", "/api/v1/finance/expenses/" + id + "/withdraw", "{}").getResponse().getStatus())
			.isEqualTo(403);
		MvcResult withdrawn = postJson("finance1", "/api/v1/finance/expenses/" + id + "/withdraw",
				"{\"reason\":\"活动取消\"}");
		assertThat(withdrawn.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(withdrawn).get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(decide("orgadmin1", filed.get("approvalId").asLong(), "APPROVE", "同意，票据另附纸质件").getResponse().getStatus())
			.isEqualTo(409);
		assertThat(postJson("finance1", "/api/v1/finance/expenses/" + id + "/withdraw", "{}").getResponse().getStatus())
			.isEqualTo(422);
		assertThat(postingsOf("EXPENSE", id)).isZero();
	}

	@Test
	void aYearClosedBeforeTheDecisionRefusesTheApprovalAndPostsNothing() throws Exception {
		long group = orgId("第七片组");
		int year = today().getYear() - 3;
		// the demo's close of last year freezes the year too: lifted, so that the year is open at filing
		try (YearCloses.Lifted open = YearCloses.openFrom(jdbc, year, group)) {
			MvcResult r = postJson("admin", "/api/v1/finance/expenses", """
					{"orgId":%d,"category":"OTHER_OUT","amount":"100.00","purpose":"补记当年会议室租金","date":"%d-06-30"}"""
				.formatted(group, year));
			assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
			long id = body(r).get("id").asLong();
			long approval = body(r).get("approvalId").asLong();
			try (AutoCloseable closed = closedYear(group, year)) {
				MvcResult refused = decide("group7", approval, "APPROVE", "同意，票据另附纸质件");
				assertThat(refused.getResponse().getStatus()).isEqualTo(422);
				assertThat(body(refused).get("detail").asString()).isEqualTo(year + " 年度已结账，不能再记入该年度的凭证");
				assertThat(expense("admin", id).get("status").asString()).isEqualTo("PENDING");
				assertThat(body(getJson("admin", "/api/v1/approvals/" + approval)).get("status").asString())
					.isEqualTo("IN_PROGRESS");
				assertThat(postingsOf("EXPENSE", id)).isZero();
			}
			assertThat(decide("group7", approval, "REJECT", "年度已结账，不再补记").getResponse().getStatus()).isEqualTo(200);
		}
	}

	@Test
	void theBudgetWarningShowsWhenTheExpenseWouldPassTheBudget() throws Exception {
		int year = today().getYear();
		BigDecimal spent = jdbc.sql("""
				select coalesce(sum(amount), 0) from fin_month_sum where org_id = :o and fiscal_year = :y and account = 'CAPITAL'""")
			.param("o", union()).param("y", year).query(BigDecimal.class).single();
		assertThat(putJson("finance1", "/api/v1/finance/budgets", """
				{"orgId":%d,"year":%d,"category":"CAPITAL","amount":"%s"}""".formatted(union(), year,
				spent.add(new BigDecimal("1000.00")).toPlainString())).getResponse().getStatus()).isEqualTo(200);
		JsonNode within = file("finance1", union(), "资本性支出", "800.00", "购置档案柜");
		assertThat(within.get("budgetWarning").isNull()).isTrue();
		JsonNode over = file("finance1", union(), "CAPITAL", "1200.00", "购置投影仪");
		assertThat(over.get("budgetWarning").asString()).startsWith("本次支出后资本性支出将达到预算的").contains(year + " 年预算");
		// the approver sees the same warning on the expense
		assertThat(expense("orgadmin1", over.get("id").asLong()).get("budgetWarning").asString())
			.isEqualTo(over.get("budgetWarning").asString());
		for (JsonNode e : new JsonNode[] { within, over }) {
			postJson("finance1", "/api/v1/finance/expenses/" + e.get("id").asLong() + "/withdraw", "{}");
		}
	}

	@Test
	void auditorsReadExpensesButMayNotFileThem() throws Exception {
		long expenses = count("fin_expense");
		MvcResult refused = postJson("auditor1", "/api/v1/finance/expenses", """
				{"orgId":%d,"category":"ACTIVITY","amount":"100.00","purpose":"审计人员试图申请"}""".formatted(union()));
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(refused).get("detail").asString()).contains("经审委员只能查阅经费");
		assertThat(count("fin_expense")).isEqualTo(expenses);
		JsonNode filed = file("finance1", "66.00", "信封邮票");
		assertThat(expense("auditor1", filed.get("id").asLong()).get("purpose").asString()).isEqualTo("信封邮票");
		JsonNode list = body(getJson("auditor1", "/api/v1/finance/expenses?orgId=" + union() + "&status=PENDING&size=200"));
		assertThat(list.get("content").valueStream().map(e -> e.get("id").asLong())).contains(filed.get("id").asLong());
		assertThat(body(getJson("finance1", "/api/v1/finance/expenses?orgId=" + union() + "&status=APPROVED&size=200"))
			.get("content").valueStream().map(e -> e.get("status").asString())).containsOnly("APPROVED");
		postJson("finance1", "/api/v1/finance/expenses/" + filed.get("id").asLong() + "/withdraw", "{}");
	}

	@Test
	void aSiblingUnionsAdminFindsNothingOfTheUnionsExpenses() throws Exception {
		JsonNode filed = file("finance1", "55.00", "茶叶");
		long id = filed.get("id").asLong();
		assertThat(getJson("orgadmin2", "/api/v1/finance/expenses/" + id).getResponse().getStatus()).isEqualTo(404);
		assertThat(getJson("orgadmin2", "/api/v1/finance/expenses?orgId=" + union()).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(postJson("orgadmin2", "/api/v1/finance/expenses", """
				{"orgId":%d,"category":"ACTIVITY","amount":"1.00","purpose":"越权"}""".formatted(union())).getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(postJson("orgadmin2", "/api/v1/finance/expenses/" + id + "/withdraw", "{}").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(upload("orgadmin2", "/api/v1/finance/expenses/" + id + "/receipts", "a.pdf", PDF).getResponse()
			.getStatus()).isEqualTo(404);
		postJson("finance1", "/api/v1/finance/expenses/" + id + "/withdraw", "{}");
	}
}
