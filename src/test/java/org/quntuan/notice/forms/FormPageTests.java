package org.quntuan.notice.forms;

import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The pages of forms and information reports, in Chinese, through a signed-in session. */
class FormPageTests extends FormTestSupport {

	@Test
	void theFederationDefinesAFormOnThePageAndAUnionFillsItInWithErrorsShownAtTheField() throws Exception {
		MockHttpSession admin = login("admin");
		String title = uniqueTitle("页面报表");
		MvcResult created = mvc.perform(post("/forms").session(admin).with(csrf()).param("title", title)
			.param("instructions", "第一行\n第二行").param("deadline", LocalDateTime.now(TestClock.CLOCK).plusDays(3).withNano(0).toString())
			.param("target", "type").param("orgType", "UNION")
			.param("fieldLabel", "职工人数", "是否达标", "").param("fieldType", "INTEGER", "CHOICE", "TEXT")
			.param("fieldRequired", "0").param("fieldMin", "0", "", "").param("fieldMax", "100", "", "")
			.param("fieldMaxLength", "", "", "").param("fieldOptions", "", "是、否", "")).andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).as(created.getResponse().getContentAsString()).startsWith("/forms/");
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().substring("/forms/".length()));
		String detail = mvc.perform(get("/forms/" + id).session(admin)).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains(title).contains("填报情况").contains("市财政局工会").contains("汇总");

		// min > max on the page: the message, and what was typed stays
		String bad = mvc.perform(post("/forms").session(admin).with(csrf()).param("title", "有误的报表")
			.param("deadline", LocalDateTime.now(TestClock.CLOCK).plusDays(3).withNano(0).toString()).param("target", "all")
			.param("fieldLabel", "人数").param("fieldType", "INTEGER").param("fieldMin", "9").param("fieldMax", "1")
			.param("fieldMaxLength", "").param("fieldOptions", "")).andReturn().getResponse().getContentAsString();
		assertThat(bad).contains("最小值不能大于最大值").contains("有误的报表");

		MockHttpSession union = login("orgadmin1");
		assertThat(mvc.perform(get("/forms").session(union)).andReturn().getResponse().getContentAsString()).contains(title);
		long org = orgId("市财政局工会");
		JsonNode form = body(mvc.perform(as("admin", get("/api/v1/forms/" + id))).andReturn());
		long people = field(form, "职工人数");
		String page = mvc.perform(post("/forms/" + id + "/responses/" + org).session(union).with(csrf())
			.param("value-" + people, "500").param("submit", "true")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("超出允许范围").contains("is-invalid").contains("value=\"500\"");
		MvcResult ok = mvc.perform(post("/forms/" + id + "/responses/" + org).session(union).with(csrf())
			.param("value-" + people, "50").param("value-" + field(form, "是否达标"), "是").param("submit", "true")
			.param("version", String.valueOf(jdbc.sql("select version from stat_form_response where form_id = :f and org_id = :o")
				.param("f", id).param("o", org).query(Integer.class).single()))).andReturn();
		assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/forms/" + id + "/responses/" + org);
		assertThat(mvc.perform(get("/forms/" + id + "/responses/" + org).session(union)).andReturn().getResponse()
			.getContentAsString()).contains("已提交");
		assertThat(mvc.perform(get("/forms/" + id + "/export").session(admin)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void theInformationPagesShowTheOfficersItemsAndTheFederationsRanking() throws Exception {
		MockHttpSession info = login("info1");
		String title = uniqueTitle("页面信息");
		MvcResult sent = mvc.perform(post("/info-reports").session(info).with(csrf()).param("title", title)
			.param("body", "正文第一段\n正文第二段")).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).startsWith("/info-reports/");
		String list = mvc.perform(get("/info-reports").session(info)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(title).contains("报送信息");
		MockHttpSession admin = login("admin");
		String detail = mvc.perform(get(sent.getResponse().getRedirectedUrl()).session(admin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(detail).contains(title).contains("mark-form");
		MvcResult marked = mvc.perform(post(sent.getResponse().getRedirectedUrl() + "/mark").session(admin).with(csrf())
			.param("status", "ADOPTED").param("version", "0")).andReturn();
		assertThat(marked.getResponse().getRedirectedUrl()).isEqualTo(sent.getResponse().getRedirectedUrl());
		assertThat(jdbc.sql("select status from info_report where title = :t").param("t", title).query(String.class).single())
			.isEqualTo("ADOPTED");
		String ranking = mvc.perform(get("/info-reports/ranking").session(admin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(ranking).contains("信息员排名").contains("市财政局");
	}
}
