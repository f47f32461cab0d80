package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The sick report pages: an organ admin files one from the list page, corrects it, closes it; English too. */
class SickReportPageTests extends VisitFixtures {

	private String page(MockHttpSession session, String path) throws Exception {
		MvcResult r = mvc.perform(get(path).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	@Test
	void anOrganAdminFilesCorrectsAndClosesASickReportFromThePages() throws Exception {
		MockHttpSession organ = login("orgadmin1");
		assertThat(page(organ, "/care/visits")).contains("/care/visits/sick-reports");
		assertThat(page(organ, "/care/visits/sick-reports")).contains("登记患病住院").contains("入院日期");
		long person = unionMembers("市财政局", 5).get(4);

		MvcResult bad = mvc.perform(post("/care/visits/sick-reports").session(organ).with(csrf())
			.param("personId", String.valueOf(person)).param("admittedOn", "上周").param("hospital", "市中医院")).andReturn();
		assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/care/visits/sick-reports");
		assertThat(bad.getFlashMap().get("error").toString()).isEqualTo("日期格式不正确");

		MvcResult filed = mvc.perform(post("/care/visits/sick-reports").session(organ).with(csrf())
			.param("personId", String.valueOf(person)).param("admittedOn", today().minusDays(2).toString())
			.param("hospital", "市中医院").param("diagnosis", "骨折，手术治疗")).andReturn();
		String location = filed.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/care/visits/sick-reports/");
		assertThat(filed.getFlashMap().get("success")).isEqualTo("患病住院登记已保存");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(page(organ, location)).contains("市中医院").contains("骨折，手术治疗").contains("未结束");
		assertThat(page(organ, "/care/visits/sick-reports?open=true")).contains(location);

		MvcResult wrong = mvc.perform(post(location).session(organ).with(csrf()).param("admittedOn", today().toString())
			.param("dischargedOn", today().minusDays(1).toString()).param("hospital", "市中医院").param("version", "0"))
			.andReturn();
		assertThat(wrong.getFlashMap().get("error").toString()).isEqualTo("出院日期不能早于入院日期");
		MvcResult changed = mvc.perform(post(location).session(organ).with(csrf())
			.param("admittedOn", today().minusDays(2).toString()).param("dischargedOn", today().toString())
			.param("hospital", "市中医院骨科").param("diagnosis", "").param("version", "0")).andReturn();
		assertThat(changed.getFlashMap().get("success")).isEqualTo("登记已修改");
		assertThat(jdbc.sql("select hospital from care_visit_sick_report where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("市中医院骨科");

		MvcResult closed = mvc.perform(post(location + "/close").session(organ).with(csrf())).andReturn();
		assertThat(closed.getFlashMap().get("success")).isEqualTo("登记已结束");
		String detail = page(organ, location);
		assertThat(detail).contains("已结束").doesNotContain("id=\"sick-edit\"");
		MvcResult twice = mvc.perform(post(location + "/close").session(organ).with(csrf())).andReturn();
		assertThat(twice.getFlashMap().get("error").toString()).endsWith("的患病住院登记已结束");

		String english = mvc.perform(get(location).session(organ).param("lang", "en")).andReturn().getResponse()
			.getContentAsString();
		assertThat(english).contains("Sick reports").contains("Closed");
		assertThat(mvc.perform(get(location).session(login("orgadmin2"))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void aMemberIsToldThatAdminsFileSickReports() throws Exception {
		assertThat(page(login("member1"), "/care/visits/sick-reports")).contains("患病住院登记由各单位管理员为本单位人员填报。")
			.doesNotContain("id=\"sick-form\"");
	}
}
