package org.quntuan.care.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.care.hardship.HardshipFixtures.Member;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Hardship data is for the person, the admins who administer them and the federation; auditors read the
 * payouts in the journal, never the household details.
 */
class HardshipAccessTests extends HardshipTestSupport {

	@Test
	void anEntryIsSeenByThePersonTheirUnionsAdminsAndTheFederationOnly() throws Exception {
		Member m = freshMember("市财政局");
		long id = register(m, "GENERAL");
		String path = "/api/v1/care/hardship-cases/" + id + "?whole=true";
		for (String user : new String[] { m.username(), "orgadmin1", "group1", "admin" }) {
			assertThat(getJson(user, path).getResponse().getStatus()).as(user).isEqualTo(200);
		}
		for (String user : new String[] { "orgadmin2", "group2", "member1", "auditor1", "finance1", "info1" }) {
			assertThat(getJson(user, path).getResponse().getStatus()).as(user).isEqualTo(404);
			assertThat(getJson(user, "/api/v1/care/subsidies?personId=" + m.id()).getResponse().getStatus()).as(user)
				.isEqualTo(404);
		}
		assertThat(body(getJson("auditor1", "/api/v1/care/hardship-cases")).get("totalElements").asLong()).isZero();
	}

	@Test
	void onlyTheirAdminsKeepTheRegisterAndApplyForSomeoneElse() throws Exception {
		Member m = freshMember("市财政局");
		Member elsewhere = freshMember("市教育局");
		String entry = "{\"personId\":%d,\"causes\":[\"ILLNESS\"],\"householdSize\":2,\"incomePerHead\":\"900\",\"level\":\"GENERAL\"}";
		assertThat(postJson("member1", "/api/v1/care/hardship-cases", entry.formatted(m.id())).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(postJson("auditor1", "/api/v1/care/hardship-cases", entry.formatted(m.id())).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(postJson("orgadmin1", "/api/v1/care/hardship-cases", entry.formatted(elsewhere.id())).getResponse()
			.getStatus()).isEqualTo(404);
		register(m, "GENERAL");
		String application = "{\"personId\":%d,\"amount\":\"100\",\"reason\":\"代为申请\"}";
		assertThat(postJson("member1", "/api/v1/care/subsidies", application.formatted(m.id())).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(postJson("orgadmin2", "/api/v1/care/subsidies", application.formatted(m.id())).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(count("select count(*) from care_hardship_subsidy where person_id = " + m.id())).isZero();
	}

	/** The entry follows its person: after a transfer the application goes to, and is decided by, the new union. */
	@Test
	void aMemberTransferredSinceTheEntryAppliesToTheUnionOfTheirOrganNow() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "GENERAL");
		int version = jdbc.sql("select version from person where id = :p").param("p", m.id()).query(Integer.class).single();
		expectStatus(postJson("admin", "/api/v1/members/" + m.id() + "/transfer",
				"{\"toOrganId\":%d,\"reason\":\"工作调动\",\"version\":%d}".formatted(orgId("市教育局"), version)), 200);
		JsonNode filed = applied(m.username(), "300");
		long union = jdbc.sql("select org_id from care_hardship_subsidy where id = :id").param("id", filed.get("id").asLong())
			.query(Long.class).single();
		assertThat(union).isEqualTo(orgId("市教育局工会"));
		expectStatus(decide("orgadmin2", filed.get("approvalId").asLong(), "APPROVE", null), 200);
	}

	@Test
	void auditorsReadThePayoutInTheJournalButNotTheHouseholdDetails() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "GENERAL");
		JsonNode filed = applied(m.username(), "666");
		approveBoth(filed.get("approvalId").asLong());
		long txn = jdbc.sql("select txn_id from care_hardship_subsidy where id = :id").param("id", filed.get("id").asLong())
			.query(Long.class).single();
		JsonNode entry = body(getJson("auditor1", "/api/v1/finance/entries/" + txn));
		assertThat(entry.get("categoryName").asString()).isEqualTo("维权支出");
		assertThat(entry.get("bankAmount").decimalValue()).isEqualByComparingTo("-666");
		assertThat(entry.get("memo").asString()).startsWith("困难会员补助（申请 ");
		assertThat(entry.toString()).doesNotContain("820.5").doesNotContain("因病");
		assertThat(getJson("auditor1", "/api/v1/care/subsidies/" + filed.get("id").asLong()).getResponse().getStatus())
			.isEqualTo(404);
		// nor through the approval, which names the person, the level and what was paid against the cap
		long approval = filed.get("approvalId").asLong();
		assertThat(getJson("auditor1", "/api/v1/approvals/" + approval).getResponse().getStatus()).isEqualTo(404);
		assertThat(getJson("admin", "/api/v1/approvals/" + approval).getResponse().getStatus()).isEqualTo(200);
		// and the payout stays paid: the books cannot reverse it behind the module's back
		MvcResult reversal = mvc.perform(post("/api/v1/finance/entries/" + txn + "/reversal")
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"测试\"}"))
			.andReturn();
		assertThat(reversal.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(reversal).get("detail").asString()).contains("不能在账簿中冲销");
	}
}
