package org.quntuan.care.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The mutual-aid pages: a plan made on the list page, the board, enrolment from the list, the split. */
class MutualAidPageTests extends IntegrationTest {

	private MvcResult page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andReturn();
	}

	@Test
	void theFederationMakesAPlanOnThePageAndAnOrgAdminEnrolsFromTheList() throws Exception {
		MockHttpSession admin = login("admin");
		MvcResult list = page(admin, "/care/mutual-aid");
		assertThat(list.getResponse().getStatus()).isEqualTo(200);
		assertThat(list.getResponse().getContentAsString()).contains("新建年度计划").contains("plan-form");

		MvcResult bad = mvc.perform(post("/care/mutual-aid").session(admin).with(csrf()).param("year", "2081")
			.param("target", "7000").param("enrolOpensOn", "2081-03-01").param("enrolClosesOn", "2081-01-01")).andReturn();
		assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/care/mutual-aid");
		assertThat((String) bad.getFlashMap().get("error")).contains("参保登记的截止日期不能早于开始日期");

		MvcResult created = mvc.perform(post("/care/mutual-aid").session(admin).with(csrf()).param("year", "2081")
			.param("target", "7000").param("pricePerPerson", "60")
			.param("enrolOpensOn", MutualAidFixtures.today().minusDays(1).toString())
			.param("enrolClosesOn", MutualAidFixtures.today().plusDays(40).toString())).andReturn();
		String board = created.getResponse().getRedirectedUrl();
		assertThat(board).startsWith("/care/mutual-aid/");
		assertThat((String) created.getFlashMap().get("success")).isEqualTo("2081年度医疗互助计划已新建，目标已分解到各单位");
		long plan = Long.parseLong(board.substring(board.lastIndexOf('/') + 1));

		MvcResult shown = page(admin, board);
		assertThat(shown.getResponse().getStatus()).isEqualTo(200);
		assertThat(shown.getResponse().getContentAsString()).contains("2081年度在职职工医疗互助保障计划").contains("市财政局")
			.contains("mutualaid-chart").contains("0 / 7000");
		assertThat(page(admin, board + "/targets").getResponse().getContentAsString()).contains("targets-form");

		MockHttpSession orgadmin = login("orgadmin1");
		assertThat(page(orgadmin, board + "/targets").getResponse().getStatus()).isEqualTo(403);
		MvcResult enrolPage = page(orgadmin, board + "/enrol");
		assertThat(enrolPage.getResponse().getStatus()).isEqualTo(200);
		List<Long> people = MutualAidFixtures.unionMembers(jdbc, "市财政局", 4);
		String name = jdbc.sql("select name from person where id = :p").param("p", people.get(0)).query(String.class).single();
		assertThat(enrolPage.getResponse().getContentAsString()).contains(name).contains("select-all");

		MvcResult enrolled = mvc.perform(post(board + "/enrolments").session(orgadmin).with(csrf())
			.param("personIds", people.stream().map(String::valueOf).toArray(String[]::new))).andReturn();
		assertThat(enrolled.getResponse().getRedirectedUrl()).isEqualTo(board + "/enrol");
		assertThat((String) enrolled.getFlashMap().get("success")).isEqualTo("已登记 4 人（0 人此前已参加，保持不变）");
		assertThat(page(orgadmin, board).getResponse().getContentAsString()).contains("4 / ");

		MvcResult outside = mvc.perform(post(board + "/enrolments").session(orgadmin).with(csrf())
			.param("personIds", String.valueOf(MutualAidFixtures.unionMembers(jdbc, "市教育局", 1).get(0)))).andReturn();
		assertThat(outside.getResponse().getStatus()).isEqualTo(403);

		MvcResult paid = mvc.perform(post(board + "/payments").session(orgadmin).with(csrf())
			.param("organId", String.valueOf(orgId("市财政局")))).andReturn();
		assertThat((String) paid.getFlashMap().get("success")).isEqualTo("已登记缴费 4 人，共 240.00 元，已记入工会账簿");
		assertThat(page(orgadmin, board).getResponse().getContentAsString()).contains("payment-list").contains("240.00");

		MvcResult export = page(admin, board + "/export");
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(export.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
		assertThat(plan).isPositive();
	}

	@Test
	void theSplitPageRefusesASplitThatDoesNotSumToTheTarget() throws Exception {
		MockHttpSession admin = login("admin");
		MvcResult created = mvc.perform(post("/care/mutual-aid").session(admin).with(csrf()).param("year", "2082")
			.param("target", "100").param("enrolOpensOn", MutualAidFixtures.today().toString())
			.param("enrolClosesOn", MutualAidFixtures.today().plusDays(5).toString())).andReturn();
		String board = created.getResponse().getRedirectedUrl();
		long plan = Long.parseLong(board.substring(board.lastIndexOf('/') + 1));
		List<Long> organs = jdbc.sql("select organ_id from care_mutualaid_target where plan_id = :p order by organ_id")
			.param("p", plan).query(Long.class).list();
		MvcResult wrong = mvc.perform(post(board + "/targets").session(admin).with(csrf()).param("version", "0")
			.param("organId", String.valueOf(organs.get(0))).param("target", "999")).andReturn();
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo(board + "/targets");
		assertThat((String) wrong.getFlashMap().get("error")).contains("与全市目标 100 人不一致");
		assertThat(jdbc.sql("select sum(target) from care_mutualaid_target where plan_id = :p").param("p", plan)
			.query(Integer.class).single()).isEqualTo(100);
	}
}
