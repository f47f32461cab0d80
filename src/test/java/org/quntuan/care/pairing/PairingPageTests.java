package org.quntuan.care.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The pairing pages: the organ's admin sees its own pairs only, a problem with a due date before today is
 * refused on the page with nothing kept, the year's summary lists the plan and the problems with their
 * status, partners' phones are masked, and the demo data holds problems in every status, one overdue.
 */
class PairingPageTests extends PairingFixtures {

	private String page(MockHttpSession session, String path) throws Exception {
		MvcResult r = mvc.perform(get(path).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	@Test
	void theOrgansAdminSeesItsOwnPairsOnly() throws Exception {
		long own = pair("市财政局");
		long sibling = pair("市教育局");
		String list = page(login("orgadmin1"), "/care/pairing?year=" + today().getYear());
		assertThat(list).contains("/care/pairing/pairs/" + own + "\"").doesNotContain("/care/pairing/pairs/" + sibling + "\"");
		assertThat(list).doesNotContain("id=\"pair-form\"");
		assertThat(page(login("admin"), "/care/pairing?year=" + today().getYear())).contains("id=\"pair-form\"")
			.contains("/care/pairing/pairs/" + sibling + "\"");
		assertThat(mvc.perform(get("/care/pairing/pairs/" + sibling).session(login("orgadmin1"))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aProblemDueBeforeItIsRaisedIsRefusedOnThePage() throws Exception {
		long pair = pair("市财政局");
		MockHttpSession session = login("orgadmin1");
		long before = jdbc.sql("select count(*) from care_pair_problem where pair_id = :p").param("p", pair)
			.query(Long.class).single();
		MvcResult r = mvc.perform(post("/care/pairing/pairs/" + pair + "/problems").session(session).with(csrf())
			.param("category", "OTHER").param("description", "健身器材损坏").param("owner", "社区")
			.param("dueDate", today().minusDays(3).toString())).andReturn();
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/care/pairing/pairs/" + pair);
		assertThat(String.valueOf(r.getFlashMap().get("error"))).contains("办结期限不能早于提出日期");
		assertThat(jdbc.sql("select count(*) from care_pair_problem where pair_id = :p").param("p", pair)
			.query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theYearsSummaryListsThePlanAndTheProblemsWithTheirStatus() throws Exception {
		long pair = pair("市财政局");
		created(send("orgadmin1", "POST", "/api/v1/pairs/" + pair + "/plan-items", """
				{"title":"送法进社区","plannedOn":"%s","who":"单位法规处"}""".formatted(today())));
		long problem = problem("orgadmin1", pair, "SAFETY", today().plusDays(15));
		move("orgadmin1", problem, "ACCEPTED", "已受理", 0);
		String summary = page(login("orgadmin1"), "/care/pairing/pairs/" + pair + "/summary");
		assertThat(summary).contains("送法进社区").contains("单位法规处").contains("安全稳定").contains("受理")
			.contains(today().getYear() + " 年度汇总");
		String partners = page(login("orgadmin1"), "/care/pairing/partners");
		assertThat(partners).contains("139****9876").doesNotContain("13905719876");
		String name = "查找测试社区" + System.nanoTime();
		partner(name);
		JsonNode found = json(send("orgadmin1", "GET", "/api/v1/pair-partners?q=" + name.substring(2), null));
		assertThat(found.get("totalElements").asLong()).isEqualTo(1);
		assertThat(found.get("content").get(0).get("name").asString()).isEqualTo(name);
	}

	@Test
	void theDemoHoldsPairsWithProblemsInEveryStatusOneOfThemOverdue() {
		String demo = """
				from care_pair_problem pb join care_pair pr on pr.id = pb.pair_id join care_pair_partner pt on pt.id = pr.partner_id
				where pt.name in ('东湖街道清波社区', '西溪街道翠苑社区', '良渚街道大陆村', '富春街道春江村', '钱江纺织有限公司',
				  '城北街道和睦社区')""";
		assertThat(jdbc.sql("select distinct pb.status " + demo).query(String.class).list())
			.contains("RAISED", "ACCEPTED", "COORDINATING", "SOLVED", "UNSOLVABLE");
		assertThat(jdbc.sql("select count(*) " + demo + " and pb.status in ('RAISED', 'ACCEPTED', 'COORDINATING')"
				+ " and pb.due_date < :today").param("today", today()).query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from care_pair where previous_pair_id is not null").query(Long.class).single())
			.isPositive();
	}
}
