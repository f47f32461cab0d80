package org.quntuan.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.support.AuditTrail;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The approver's decision and the applicant's resubmission and withdrawal on the approval pages are
 * on the record of the approval; the application itself is the subject module's to record.
 */
class ApprovalAuditTests extends IntegrationTest {

	@Autowired
	ApprovalManagement approvals;

	private void post(String user, String url, Map<String, String> body) throws Exception {
		mvc.perform(MockMvcRequestBuilders.post(url)
			.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isOk());
	}

	@Test
	void aReturnAResubmissionAndAWithdrawalAreEachOneEventUnderTheApplyingOrg() throws Exception {
		String path = AuditTrail.pathOf(jdbc, "市财政局工会");
		long subject = System.nanoTime() % 1_000_000_000L;
		String title = "审计测试申请 " + subject;
		long id = as("orgadmin1", () -> approvals.request(new ApprovalRequest(TestFlows.ONE_STEP, subject, title,
				orgId("市财政局工会"), path))).id();
		post("group1", "/api/v1/approvals/" + id + "/decision", Map.of("decision", "RETURN", "comment", "请补充材料"));
		post("orgadmin1", "/api/v1/approvals/" + id + "/resubmit", Map.of("reason", "已补充"));
		post("orgadmin1", "/api/v1/approvals/" + id + "/withdraw", Map.of("reason", "不再需要"));

		List<AuditTrail.Event> events = AuditTrail.of(jdbc, "APPROVAL", id);
		assertThat(events).extracting(AuditTrail.Event::type).containsExactly("DECIDE", "UPDATE", "WITHDRAW");
		assertThat(events).extracting(AuditTrail.Event::actor).containsExactly("group1", "orgadmin1", "orgadmin1");
		assertThat(events).extracting(AuditTrail.Event::orgPath).containsOnly(path);
		String step = jdbc.sql("select name from approval_step where approval_id = :id").param("id", id)
			.query(String.class).single();
		assertThat(events).extracting(AuditTrail.Event::detail).containsExactly(
				"审批「" + title + "」" + step + "：退回修改；意见：请补充材料", "重新提交审批：" + title,
				"撤回审批申请：" + title + "；原因：不再需要");
	}
}
