package org.quntuan.approval;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.SecondAdmin;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApprovalFlowTests extends IntegrationTest {

	private static final AtomicLong SUBJECTS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	@Autowired
	ApprovalManagement approvals;

	@Autowired
	ApprovalReminders reminders;

	long file(String user, String type, String orgName) throws Exception {
		long org = orgId(orgName);
		String path = jdbc.sql("select path from org where id = :id").param("id", org).query(String.class).single();
		long subject = SUBJECTS.incrementAndGet();
		return as(user, () -> approvals.request(new ApprovalRequest(type, subject, "测试申请 " + subject, org, path))).id();
	}

	JsonNode decide(String user, long id, String decision, String comment, int expected) throws Exception {
		var result = mvc.perform(post("/api/v1/approvals/" + id + "/decision").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("decision", decision, "comment", comment))))
			.andExpect(status().is(expected)).andReturn();
		return body(result);
	}

	String stateOf(long id) {
		return jdbc.sql("select status from approval where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void theSuperiorOfAUnionIsItsGroupAndOneApprovalDecidesAOneStepFlow() throws Exception {
		long id = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		JsonNode pending = body(mvc.perform(get("/api/v1/approvals?status=PENDING&size=200").header("Authorization", bearer("group1")))
			.andExpect(status().isOk()).andReturn());
		assertThat(pending.get("content").findValuesAsString("title")).contains("测试申请 " + (SUBJECTS.get()));
		assertThat(decide("group1", id, "APPROVE", "同意", 200).get("status").asString()).isEqualTo("APPROVED");
		assertThat(TestFlows.DECIDED).anyMatch(e -> e.approvalId() == id && e.outcome() == ApprovalStatus.APPROVED);
		// the applicant is told
		assertThat(jdbc.sql("select count(*) from notification n join account a on a.id = n.recipient_account_id"
				+ " where a.username = 'orgadmin1' and n.event_key like :k").param("k", "approval-" + id + "-approved-%")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void aDecisionIsFinalAndASecondDecisionGetsAConflict() throws Exception {
		long id = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		decide("group1", id, "REJECT", "材料不全", 200);
		JsonNode problem = decide("group1", id, "APPROVE", "", 409);
		assertThat(problem.get("detail").asString()).contains("不能再次审批");
		assertThat(stateOf(id)).isEqualTo("REJECTED");
	}

	@Test
	void rejectingOrReturningNeedsAReasonAndChangesNothingWithout() throws Exception {
		long id = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		decide("group1", id, "REJECT", " ", 400);
		decide("group1", id, "RETURN", "", 400);
		assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");
	}

	@Test
	void someoneWithoutTheRoleCannotDecideAndAnOutsiderDoesNotSeeTheApproval() throws Exception {
		long id = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		decide("group2", id, "APPROVE", "", 404);
		decide("member1", id, "APPROVE", "", 404);
		// the federation admin sees it, but is not this step's approver
		decide("admin", id, "APPROVE", "", 403);
		mvc.perform(get("/api/v1/approvals/" + id).header("Authorization", bearer("group2"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/approvals/" + id).header("Authorization", bearer("admin"))).andExpect(status().isOk());
		assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");
	}

	@Test
	void nobodyApprovesTheirOwnRequest() throws Exception {
		// group1 files for its own group: its superior is the federation, never group1 itself
		long id = file("group1", TestFlows.ONE_STEP, "第一片组");
		assertThatThrownBy(() -> as("group1", () -> approvals.decide(id, Decision.APPROVE, null)))
			.isInstanceOf(ForbiddenException.class).hasMessageContaining("本人");
		decide("admin", id, "APPROVE", "", 200);
	}

	@Test
	void aTwoStepFlowNeedsTwoDifferentApproversInOrder() throws Exception {
		long id = file("orgadmin1", TestFlows.TWO_STEPS, "市财政局工会");
		decide("admin", id, "APPROVE", "", 403);
		assertThat(decide("group1", id, "APPROVE", "", 200).get("status").asString()).isEqualTo("IN_PROGRESS");
		JsonNode detail = body(mvc.perform(get("/api/v1/approvals/" + id).header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isOk()).andReturn());
		assertThat(detail.get("steps").get(0).get("status").asString()).isEqualTo("APPROVED");
		assertThat(detail.get("steps").get(1).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(decide("admin", id, "APPROVE", "", 200).get("status").asString()).isEqualTo("APPROVED");
		assertThat(detail.get("history").findValuesAsString("action")).contains("SUBMITTED", "APPROVE");
	}

	@Test
	void aReturnedRequestIsResubmittedAndDecidedAgainWithItsHistoryKept() throws Exception {
		long id = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		decide("group1", id, "RETURN", "请补充候选人简历", 200);
		assertThat(stateOf(id)).isEqualTo("RETURNED");
		assertThat(TestFlows.DECIDED).anyMatch(e -> e.approvalId() == id && e.outcome() == ApprovalStatus.RETURNED);
		mvc.perform(post("/api/v1/approvals/" + id + "/resubmit").header("Authorization", bearer("group1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/approvals/" + id + "/resubmit").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"已补充\"}")).andExpect(status().isOk());
		decide("group1", id, "APPROVE", "", 200);
		JsonNode detail = body(mvc.perform(get("/api/v1/approvals/" + id).header("Authorization", bearer("orgadmin1")))
			.andReturn());
		assertThat(detail.get("history").findValuesAsString("action"))
			.containsExactly("SUBMITTED", "RETURN", "RESUBMITTED", "APPROVE");
	}

	@Test
	void theApplicantWithdrawsBeforeADecisionButNotAfter() throws Exception {
		long open = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		mvc.perform(post("/api/v1/approvals/" + open + "/withdraw").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"计划调整\"}")).andExpect(status().isOk());
		assertThat(stateOf(open)).isEqualTo("WITHDRAWN");
		decide("group1", open, "APPROVE", "", 409);
		long decided = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		decide("group1", decided, "APPROVE", "", 200);
		mvc.perform(post("/api/v1/approvals/" + decided + "/withdraw").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isConflict());
	}

	@Test
	void whenTheSubjectModuleRefusesTheOutcomeTheDecisionIsNotRecorded() throws Exception {
		long id = file("orgadmin1", TestFlows.REFUSING, "市财政局工会");
		assertThatThrownBy(() -> as("group1", () -> approvals.decide(id, Decision.APPROVE, null)))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");
		assertThat(jdbc.sql("select count(*) from approval_assignee where approval_id = :a and decision is not null")
			.param("a", id).query(Long.class).single()).isZero();
	}

	@Test
	void whenAllMustAgreeTheStepWaitsForEveryApprover() throws Exception {
		long org = orgId("第五片组");
		long second = SecondAdmin.create(jdbc, "group5b", org);
		try {
			long id = file("orgadmin2", TestFlows.ALL_AGREE, "第五片组");
			decide("group5", id, "APPROVE", "", 200);
			assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");
			decide("group5b", id, "APPROVE", "", 200);
			assertThat(stateOf(id)).isEqualTo("APPROVED");
		}
		finally {
			SecondAdmin.disable(jdbc, second);
		}
	}

	@Test
	void askingTwiceForTheSameSubjectGivesTheSameApproval() throws Exception {
		long org = orgId("市财政局工会");
		String path = jdbc.sql("select path from org where id = :id").param("id", org).query(String.class).single();
		long subject = SUBJECTS.incrementAndGet();
		ApprovalRequest request = new ApprovalRequest(TestFlows.ONE_STEP, subject, "重复提交", org, path);
		long first = as("orgadmin1", () -> approvals.request(request)).id();
		long second = as("orgadmin1", () -> approvals.request(request)).id();
		assertThat(second).isEqualTo(first);
	}

	@Test
	void anOverdueStepIsRemindedOncePerDay() throws Exception {
		long id = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		jdbc.sql("update approval_assignee set due_at = :past where approval_id = :a")
			.param("past", OffsetDateTime.now(TestClock.CLOCK).minusDays(1)).param("a", id).update();
		reminders.remind();
		reminders.remind();
		assertThat(jdbc.sql("select count(*) from approval_event where approval_id = :a and action = 'REMINDED'")
			.param("a", id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification where event_key like :k and channel = 'INBOX'")
			.param("k", "approval-" + id + "-remind-%").query(Long.class).single()).isEqualTo(1);
		JsonNode overdue = body(mvc.perform(get("/api/v1/approvals?overdue=true&size=200").header("Authorization", bearer("group1")))
			.andReturn());
		assertThat(overdue.get("content").findValuesAsString("id")).contains(String.valueOf(id));
	}

	@Test
	void badInputOnTheListIsRefusedClearly() throws Exception {
		mvc.perform(get("/api/v1/approvals?status=DONE").header("Authorization", bearer("group1")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/approvals?type=NOPE").header("Authorization", bearer("group1")))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/approvals/1/decision").header("Authorization", bearer("group1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"MAYBE\"}")).andExpect(status().isBadRequest());
		assertThatThrownBy(() -> as("group1", () -> approvals.decide(1, null, null))).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void theMyApprovalsPageListsItemsAndBulkApprovesThem() throws Exception {
		long a = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		long b = file("orgadmin1", TestFlows.ONE_STEP, "市财政局工会");
		var session = login("group1");
		String page = mvc.perform(get("/approvals").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("待我审批", "approval-" + a, "approvals-pending");
		mvc.perform(post("/approvals/bulk-approve").session(session).with(csrf()).param("ids", String.valueOf(a),
				String.valueOf(b))).andExpect(status().is3xxRedirection());
		assertThat(stateOf(a)).isEqualTo("APPROVED");
		assertThat(stateOf(b)).isEqualTo("APPROVED");
		String detail = mvc.perform(get("/approvals/" + a).session(login("orgadmin1"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("已通过", "提交申请");
	}
}
