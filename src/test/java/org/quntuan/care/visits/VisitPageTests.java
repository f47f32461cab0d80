package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The visit pages as the federation's admin and an organ's admin use them: a plan drawn up on the form,
 * a person put on the list, the visit recorded with a photo, the board and its Excel file, with the
 * Chinese messages each step leaves; bad input is named and changes nothing. The demo's 春节 plan is there.
 */
class VisitPageTests extends VisitFixtures {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };

	private String page(MockHttpSession session, String path) throws Exception {
		MvcResult r = mvc.perform(get(path).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	@Test
	void aPlanIsDrawnUpListedVisitedAndFollowedOnItsBoardFromThePages() throws Exception {
		MockHttpSession admin = login("admin");
		String form = page(admin, "/care/visits/new");
		assertThat(form).contains("退休老同志").contains("慰问品").contains("市直机关工委");

		MvcResult bad = mvc.perform(post("/care/visits").session(admin).with(csrf()).param("title", "页面走访计划")
			.param("startsOn", today().toString()).param("endsOn", "下月").param("bookOrgId", String.valueOf(orgId(ROOT)))
			.param("budget", "1000").param("kinds", "SICK").param("form.SICK", "CASH").param("amount.SICK", "500"))
			.andReturn();
		assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/care/visits/new");
		assertThat(bad.getFlashMap().get("error").toString()).isEqualTo("日期格式不正确");

		String title = "页面走访计划" + System.nanoTime() % 100000;
		MvcResult created = mvc.perform(post("/care/visits").session(admin).with(csrf()).param("title", title)
			.param("startsOn", today().minusDays(3).toString()).param("endsOn", today().plusDays(20).toString())
			.param("bookOrgId", String.valueOf(orgId(ROOT))).param("budget", "2,000.00").param("kinds", "SICK", "RETIRED")
			.param("form.SICK", "CASH").param("amount.SICK", "500").param("form.RETIRED", "GOODS")
			.param("amount.RETIRED", "300").param("goods.RETIRED", "大米、食用油").param("form.OTHER", "CASH")).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/care/visits/");
		assertThat(created.getFlashMap().get("success")).isEqualTo("已制定「" + title + "」");
		long plan = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(count("select count(*) from care_visit_standard where plan_id = :p", plan)).isEqualTo(2);

		MockHttpSession organ = login("orgadmin1");
		assertThat(page(organ, "/care/visits")).contains(title);
		long person = unionMembers("市财政局", 1).get(0);
		MvcResult listed = mvc.perform(post("/care/visits/" + plan + "/recipients").session(organ).with(csrf())
			.param("personId", String.valueOf(person)).param("kind", "SICK").param("note", "市中心医院住院")).andReturn();
		assertThat(listed.getFlashMap().get("success")).isEqualTo("已列入慰问对象名单");
		String detail = page(organ, "/care/visits/" + plan);
		assertThat(detail).contains(title).contains("visit-recipients").contains("患病住院").contains("recipient-form")
			.doesNotContain("budget-form");
		long recipient = jdbc.sql("select id from care_visit_recipient where plan_id = :p").param("p", plan)
			.query(Long.class).single();

		String record = page(organ, "/care/visits/recipients/" + recipient);
		assertThat(record).contains("visit-form").contains("慰问标准：慰问金 500.00 元");
		MvcResult future = mvc.perform(multipart("/care/visits/recipients/" + recipient + "/visit").session(organ).with(csrf())
			.param("visitedOn", today().plusDays(1).toString()).param("visitors", "工会主席 王强")).andReturn();
		assertThat(future.getFlashMap().get("error")).isEqualTo("走访日期不能晚于今天");
		MvcResult visited = mvc.perform(multipart("/care/visits/recipients/" + recipient + "/visit")
			.file(new MockMultipartFile("photo", "visit.jpg", "image/jpeg", JPEG)).session(organ).with(csrf())
			.param("visitedOn", today().toString()).param("visitors", "工会主席 王强").param("form", "CASH")
			.param("amount", "500").param("note", "病情稳定")).andReturn();
		assertThat(visited.getFlashMap().get("success")).isEqualTo("走访已登记");
		assertThat(entriesOf(recipient)).hasSize(1);
		String done = page(organ, "/care/visits/recipients/" + recipient);
		assertThat(done).contains("visit-record").contains("工会主席 王强").contains("慰问金已记入市直机关工委账簿")
			.contains("visit-photo").doesNotContain("visit-form");
		long visit = jdbc.sql("select id from care_visit where recipient_id = :r").param("r", recipient).query(Long.class)
			.single();
		assertThat(mvc.perform(get("/care/visits/records/" + visit + "/photo").session(organ)).andReturn().getResponse()
			.getContentAsByteArray()).isEqualTo(JPEG);

		String board = page(admin, "/care/visits/" + plan + "/board");
		assertThat(board).contains("visit-board").contains("市财政局").contains("1 / 1 人").contains("500.00");
		MvcResult excel = mvc.perform(get("/care/visits/" + plan + "/board.xlsx").session(admin)).andReturn();
		assertThat(excel.getResponse().getStatus()).isEqualTo(200);
		assertThat(excel.getResponse().getHeader("Content-Disposition")).contains(".xlsx");

		MvcResult budget = mvc.perform(post("/care/visits/" + plan + "/budget").session(admin).with(csrf())
			.param("budget", "100").param("version", "0")).andReturn();
		assertThat(budget.getFlashMap().get("error")).isEqualTo("预算不能低于名单已预留的 500.00 元");
	}

	@Test
	void theDemosSpringFestivalPlanIsUnderWay() throws Exception {
		long plan = jdbc.sql("select min(id) from care_visit_plan where title like '%年春节走访慰问'").query(Long.class)
			.single();
		int recipients = count("select count(*) from care_visit_recipient where plan_id = :p", plan);
		int visits = count("select count(*) from care_visit where plan_id = :p", plan);
		assertThat(visits).isPositive().isLessThan(recipients);
		assertThat(count("""
				select count(*) from care_visit v where v.plan_id = :p and v.form = 'CASH'
				  and v.txn_id = (select t.id from fin_txn t where t.source_type = 'CARE_VISIT' and t.source_id = v.recipient_id)""",
				plan)).isEqualTo(count("select count(*) from care_visit where plan_id = :p and form = 'CASH'", plan));
		MockHttpSession group = login("group1");
		String detail = page(group, "/care/visits/" + plan);
		assertThat(detail).contains("春节走访慰问").contains("visit-recipients").contains("已走访");
		String english = mvc.perform(get("/care/visits/" + plan + "/board").session(group).param("lang", "en")).andReturn()
			.getResponse().getContentAsString();
		assertThat(english).contains("Visit progress").contains("Budget");
	}
}
