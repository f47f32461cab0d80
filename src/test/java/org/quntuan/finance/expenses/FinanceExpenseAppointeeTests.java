package org.quntuan.finance.expenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.IdNumber;
import org.quntuan.support.SecondAdmin;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue #13: an org admin who makes a new account 组织管理员 of their own union does not thereby get
 * an approver of their own. The appointee (and whoever the appointee appoints) is no approver of the
 * appointer's expenses; the expense goes to the next level up. Everyone else's expenses the
 * appointee approves like any admin. Every step goes through the API, as an outsider would.
 */
class FinanceExpenseAppointeeTests extends ExpenseTestSupport {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(300);

	private final List<Long> appointees = new ArrayList<>();

	private record Appointee(long accountId, String username, long bindingId) {
	}

	@AfterEach
	void appointeesLeaveTheUnion() {
		// the shared demo union must keep its usual admins for the other tests
		appointees.forEach(id -> SecondAdmin.disable(jdbc, id));
	}

	@Test
	void anAccountTheApplicantMadeAdminOfTheirUnionCannotApproveTheirExpenseWhichGoesToTheGroup() throws Exception {
		Appointee clerk = appoint("orgadmin1", "市财政局工会");

		JsonNode filed = file("orgadmin1", "4999.00", "职工书屋购书");
		long id = filed.get("id").asLong();
		long approval = filed.get("approvalId").asLong();
		MvcResult tried = decide(clerk.username(), approval, "APPROVE", "同意");

		assertThat(tried.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(tried).get("detail").asString()).isEqualTo("您不是该事项当前步骤的审批人");
		assertThat(expense("orgadmin1", id).get("status").asString()).isEqualTo("PENDING");
		assertThat(postingsOf("EXPENSE", id)).isZero();
		JsonNode steps = body(getJson("orgadmin1", "/api/v1/approvals/" + approval)).get("steps");
		assertThat(steps).hasSize(1);
		assertThat(steps.get(0).get("approverOrgName").asString()).isEqualTo("第一片组");
		assertThat(decide("group1", approval, "APPROVE", "同意").getResponse().getStatus()).isEqualTo(200);
		assertThat(expense("orgadmin1", id).get("status").asString()).isEqualTo("APPROVED");
		assertThat(postingsOf("EXPENSE", id)).isEqualTo(1);
	}

	@Test
	void theAppointeeStillApprovesTheExpensesOfOthersAtTheUnion() throws Exception {
		Appointee clerk = appoint("orgadmin1", "市财政局工会");

		JsonNode filed = file("finance1", "4999.00", "职工书屋购书");
		long id = filed.get("id").asLong();

		assertThat(decide(clerk.username(), filed.get("approvalId").asLong(), "APPROVE", "同意").getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(expense("finance1", id).get("status").asString()).isEqualTo("APPROVED");
		assertThat(postingsOf("EXPENSE", id)).isEqualTo(1);
	}

	@Test
	void anAppointeesAppointeeCannotApproveEitherEvenAfterTheMiddleLinkLostTheRole() throws Exception {
		Appointee clerk = appoint("orgadmin1", "市财政局工会");
		Appointee second = appoint(clerk.username(), "市财政局工会");
		assertThat(mvc.perform(delete("/api/v1/accounts/" + clerk.accountId() + "/roles/" + clerk.bindingId())
			.header("Authorization", bearer("orgadmin1"))).andReturn().getResponse().getStatus()).isEqualTo(204);

		JsonNode filed = file("orgadmin1", "4999.00", "职工书屋购书");
		long approval = filed.get("approvalId").asLong();

		assertThat(decide(second.username(), approval, "APPROVE", "同意").getResponse().getStatus()).isEqualTo(403);
		assertThat(postingsOf("EXPENSE", filed.get("id").asLong())).isZero();
		assertThat(body(getJson("orgadmin1", "/api/v1/approvals/" + approval)).get("steps").get(0)
			.get("approverOrgName").asString()).isEqualTo("第一片组");
	}

	/**
	 * The granter registers a person of 市财政局, opens an account for them and makes it 组织管理员 of
	 * the union; the new owner replaces the one-time password (with the demo password, so the
	 * helpers sign in as them) and accepts the rules, as at a first sign-in.
	 */
	private Appointee appoint(String granter, String union) throws Exception {
		int n = SEQUENCE.incrementAndGet();
		MvcResult person = postJson(granter, "/api/v1/members", json.writeValueAsString(person(n)));
		assertThat(person.getResponse().getStatus()).as(person.getResponse().getContentAsString()).isEqualTo(201);
		String username = "clerk-" + n;
		MvcResult account = postJson(granter, "/api/v1/accounts", json.writeValueAsString(Map.of("username", username,
				"displayName", "工会干事" + n, "personId", body(person).get("id").asLong())));
		assertThat(account.getResponse().getStatus()).as(account.getResponse().getContentAsString()).isEqualTo(201);
		long accountId = body(account).get("id").asLong();
		appointees.add(accountId);
		MvcResult bound = postJson(granter, "/api/v1/accounts/" + accountId + "/roles",
				"{\"role\":\"ORG_ADMIN\",\"orgId\":" + orgId(union) + "}");
		assertThat(bound.getResponse().getStatus()).as(bound.getResponse().getContentAsString()).isEqualTo(201);

		String oneTime = body(account).get("oneTimePassword").asString();
		MvcResult signIn = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", oneTime)))).andReturn();
		String firstToken = "Bearer " + body(signIn).get("token").asString();
		assertThat(mvc.perform(post("/api/v1/me/password").header("Authorization", firstToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("currentPassword", oneTime, "newPassword", PASSWORD))))
			.andReturn().getResponse().getStatus()).isEqualTo(204);
		assertThat(postJson(username, "/api/v1/me/consents", "{\"kind\":\"PRIVACY_RULES\",\"given\":true}")
			.getResponse().getStatus()).isEqualTo(200);
		return new Appointee(accountId, username, body(bound).get("id").asLong());
	}

	private Map<String, Object> person(int n) {
		Map<String, Object> p = new HashMap<>();
		p.put("name", "干事" + (char) ('甲' + n % 10) + n);
		String id17 = "980303" + (1970 + n % 30) + "0611" + String.format("%03d", n % 1000);
		p.put("idNumber", id17 + IdNumber.checkCharacter(id17));
		p.put("mobile", "177" + String.format("%08d", 20000000 + n));
		p.put("organId", orgId("市财政局"));
		p.put("politicalStatus", "群众");
		p.put("unionStatus", "MEMBER");
		p.put("employmentStatus", "IN_SERVICE");
		p.put("position", "科员");
		return p;
	}
}
