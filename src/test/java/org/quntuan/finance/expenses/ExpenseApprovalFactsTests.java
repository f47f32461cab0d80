package org.quntuan.finance.expenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityApiTestsAccess;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The approver of an expense sees what is being approved on the approval page (book, category,
 * amount, use, receipts), and approving one without receipts takes a stated reason.
 */
class ExpenseApprovalFactsTests extends ExpenseTestSupport {

	@Test
	void theApprovalPageShowsTheKeyFactsAndAnExpenseWithoutReceiptsNeedsAReasonToApprove() throws Exception {
		JsonNode filed = file("finance1", "4999.00", "工会会员书屋购书");
		long approval = filed.get("approvalId").asLong();
		String page = mvc.perform(get("/approvals/" + approval).session(login("orgadmin1"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("4,999.00 元", "工会会员书屋购书", "职工活动支出", "市财政局工会", "未附票据", "id=\"approval-caveat\"");

		MvcResult bare = decide("orgadmin1", approval, "APPROVE", null);
		assertThat(bare.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(bare).get("errors").get(0).get("field").asString()).isEqualTo("comment");
		assertThat(body(bare).get("detail").asString()).contains("未附票据");
		assertThat(jdbc.sql("select count(*) from approval_event where approval_id = :a and action = 'APPROVE'")
			.param("a", approval).query(Long.class).single()).isZero();

		MvcResult waived = decide("orgadmin1", approval, "APPROVE", "同意免附票据：网上书店电子发票待开具");
		assertThat(waived.getResponse().getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select comment from approval_event where approval_id = :a and action = 'APPROVE'")
			.param("a", approval).query(String.class).single()).contains("免附票据");
	}

	@Test
	void anExpenseWithAReceiptIsApprovedWithoutAComment() throws Exception {
		JsonNode filed = file("finance1", "88.00", "慰问品运费");
		long id = filed.get("id").asLong();
		assertThat(upload("finance1", "/api/v1/finance/expenses/" + id + "/receipts", "发票.pdf", PDF).getResponse()
			.getStatus()).isEqualTo(201);
		String page = mvc.perform(get("/approvals/" + filed.get("approvalId").asLong()).session(login("orgadmin1")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("1 个").doesNotContain("id=\"approval-caveat\"");
		assertThat(decide("orgadmin1", filed.get("approvalId").asLong(), "APPROVE", null).getResponse().getStatus())
			.isEqualTo(200);
	}

	private long activityOf(String organizer, String title) throws Exception {
		Map<String, Object> a = new LinkedHashMap<>(ActivityApiTestsAccess
			.activity(title, 20, List.of(orgId(organizer))));
		a.put("organizerOrgId", orgId(organizer));
		MvcResult r = postJson("admin", "/api/v1/activities", json.writeValueAsString(a));
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	@Test
	void theRelatedActivityIsChosenFromTheOrgansActivitiesAndAnotherOrgansIsRefused() throws Exception {
		long ours = activityOf("市财政局", "财政局职工羽毛球赛" + System.nanoTime() % 100000);
		long theirs = activityOf("市教育局", "教育局职工书法展" + System.nanoTime() % 100000);
		String form = mvc.perform(get("/finance/expenses/new").param("orgId", String.valueOf(union()))
			.session(login("finance1"))).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("<option value=\"" + ours + "\"").doesNotContain("<option value=\"" + theirs + "\"");

		MvcResult refused = postJson("finance1", "/api/v1/finance/expenses", """
				{"orgId":%d,"category":"ACTIVITY","amount":"300.00","purpose":"场地费","activityId":%d}"""
			.formatted(union(), theirs));
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("activityId");
		MvcResult accepted = postJson("finance1", "/api/v1/finance/expenses", """
				{"orgId":%d,"category":"ACTIVITY","amount":"300.00","purpose":"场地费","activityId":%d}"""
			.formatted(union(), ours));
		assertThat(accepted.getResponse().getStatus()).isEqualTo(201);
		String approval = mvc.perform(get("/approvals/" + body(accepted).get("approvalId").asLong())
			.session(login("orgadmin1"))).andReturn().getResponse().getContentAsString();
		assertThat(approval).contains("财政局职工羽毛球赛");
	}
}
