package org.quntuan.care.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.quntuan.care.hardship.HardshipFixtures.Member;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

class HardshipPageTests extends HardshipTestSupport {

	private String page(MockHttpSession session, String path) throws Exception {
		MvcResult r = mvc.perform(get(path).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	@Test
	void aMemberOnTheRegisterAppliesOnTheFormWithADocumentAndSeesTheApplication() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "SEVERE");
		MockHttpSession session = login(m.username());
		String home = page(session, "/care/hardship");
		assertThat(home).contains("id=\"subsidy-apply\"").contains("深度困难").doesNotContain("id=\"case-table\"");
		assertThat(page(session, "/care/hardship/subsidies/new")).contains("本年度还可申请 6,000.00 元。");
		MvcResult filed = mvc.perform(multipart("/care/hardship/subsidies")
			.file(new MockMultipartFile("files", "住院发票.pdf", "application/pdf", PDF))
			.param("amount", "1,500.00").param("reason", "住院自付费用").session(session).with(csrf())).andReturn();
		String location = filed.getResponse().getRedirectedUrl();
		assertThat(location).matches("/care/hardship/subsidies/\\d+");
		String detail = page(session, location);
		assertThat(detail).contains("1,500.00").contains("审批中").contains("住院发票.pdf").contains("单位工会审核");
		assertThat(page(session, "/care/hardship")).contains("1,500.00");
	}

	@Test
	void anAdminEntersAPersonSeesTheMaskedListAndReviewsTheWholeEntry() throws Exception {
		Member m = freshMember("市财政局");
		MockHttpSession admin = login("orgadmin1");
		assertThat(page(admin, "/care/hardship/cases/new")).contains("id=\"case-form\"");
		MvcResult created = mvc.perform(multipart("/care/hardship/cases").param("personId", String.valueOf(m.id()))
			.param("causes", "ILLNESS", "SINGLE_PARENT").param("householdSize", "2").param("incomePerHead", "990.00")
			.param("level", "GENERAL").param("note", "单亲，本人慢性病").session(admin).with(csrf())).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).matches("/care/hardship/cases/\\d+");
		String masked = page(admin, location);
		assertThat(masked).contains("id=\"case-whole\"").doesNotContain("990.00").doesNotContain("单亲，本人慢性病");
		String whole = page(admin, location + "?whole=true");
		assertThat(whole).contains("990.00").contains("单亲，本人慢性病").contains("id=\"case-review-form\"");
		assertThat(page(admin, "/care/hardship")).contains("id=\"case-table\"").contains("困难测试")
			.doesNotContain("990.00");
		long id = Long.parseLong(location.replaceAll(".*/", ""));
		int version = jdbc.sql("select version from care_hardship_case where id = :id").param("id", id).query(Integer.class)
			.single();
		MvcResult reviewed = mvc.perform(post(location).param("causes", "ILLNESS").param("householdSize", "2")
			.param("incomePerHead", "1100").param("level", "SEVERE").param("version", String.valueOf(version))
			.session(admin).with(csrf())).andReturn();
		assertThat(reviewed.getFlashMap().get("success")).isEqualTo("复核已完成。");
		assertThat(jdbc.sql("select level from care_hardship_case where id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("SEVERE");
	}

	@Test
	void thePagesReadInEnglish() throws Exception {
		Member m = freshMember("市财政局");
		long id = register(m, "SEVERE");
		MockHttpSession admin = login("orgadmin1");
		for (String path : new String[] { "/care/hardship", "/care/hardship/cases/new", "/care/hardship/cases/" + id + "?whole=true",
				"/care/hardship/subsidies/new?personId=" + m.id() }) {
			String html = mvc.perform(get(path).param("lang", "en").session(admin)).andReturn().getResponse()
				.getContentAsString();
			assertThat(html).as(path).doesNotContain("??").doesNotContain("深度困难").doesNotContain("困难等级");
		}
		assertThat(mvc.perform(get("/care/hardship/cases/" + id).param("lang", "en").session(admin)).andReturn()
			.getResponse().getContentAsString()).contains("Severe hardship").contains("Review date");
	}

	@Test
	void someoneNotOnTheRegisterIsToldWhomToAsk() throws Exception {
		Member m = freshMember("市财政局");
		String home = page(login(m.username()), "/care/hardship");
		assertThat(home).contains("您未列入困难职工档案").doesNotContain("id=\"subsidy-apply\"");
		assertThat(mvc.perform(get("/care/hardship/cases/new").session(login(m.username()))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
	}
}
