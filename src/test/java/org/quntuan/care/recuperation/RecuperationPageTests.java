package org.quntuan.care.recuperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.care.recuperation.RecuperationFixtures.fresh;
import static org.quntuan.care.recuperation.RecuperationFixtures.organ;
import static org.quntuan.care.recuperation.RecuperationFixtures.status;
import static org.quntuan.care.recuperation.RecuperationFixtures.today;
import static org.quntuan.care.recuperation.RecuperationFixtures.username;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The recuperation pages as the work committee, a 片组's admin and a nominated person use them: a batch
 * planned from the form, places shared out, a colleague nominated, the nomination confirmed on the phone,
 * the roster exported; bad input is named in the flash and changes nothing; the pages read in English too.
 */
class RecuperationPageTests extends IntegrationTest {

	private MvcResult page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andReturn();
	}

	@Test
	void aBatchIsPlannedSharedNominatedAndConfirmedFromThePages() throws Exception {
		MockHttpSession admin = login("admin");
		assertThat(page(admin, "/care/recuperation/new").getResponse().getContentAsString()).contains("劳模疗休养")
			.contains("职工疗休养");
		MvcResult bad = mvc.perform(post("/care/recuperation/batches").session(admin).with(csrf()).param("title", "页面疗休养")
			.param("kind", "STAFF").param("destination", "黄山").param("startsOn", "下个月").param("endsOn", "")
			.param("capacity", "10").param("costPerPerson", "2800")).andReturn();
		assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/care/recuperation/new");
		assertThat(bad.getFlashMap().get("error").toString()).isEqualTo("日期格式不正确");

		String title = "页面疗休养" + System.nanoTime() % 100000;
		MvcResult created = mvc.perform(post("/care/recuperation/batches").session(admin).with(csrf()).param("title", title)
			.param("kind", "STAFF").param("destination", "黄山市职工疗休养院").param("startsOn", today().plusDays(15).toString())
			.param("endsOn", today().plusDays(19).toString()).param("capacity", "10").param("costPerPerson", "2,800.00"))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/care/recuperation/batches/");
		assertThat(created.getFlashMap().get("success").toString()).isEqualTo("已安排疗休养批次：" + title);
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(page(admin, location).getResponse().getContentAsString()).contains("quota-form").contains(title);

		String organ = organ(jdbc, "第一片组", 1);
		long organId = orgId(organ);
		int version = jdbc.sql("select version from care_recuperation_batch where id = :b").param("b", id)
			.query(Integer.class).single();
		MvcResult tooMany = mvc.perform(post(location + "/quotas").session(admin).with(csrf())
			.param("version", String.valueOf(version)).param("organId", String.valueOf(organId)).param("places", "11"))
			.andReturn();
		assertThat(tooMany.getFlashMap().get("error").toString()).isEqualTo("各单位名额合计 11 人，超过了本批次的名额总数 10 人");
		MvcResult shared = mvc.perform(post(location + "/quotas").session(admin).with(csrf())
			.param("version", String.valueOf(version)).param("organId", String.valueOf(organId)).param("places", "2"))
			.andReturn();
		assertThat(shared.getFlashMap().get("success").toString()).isEqualTo("名额已保存：已分配 2 人（名额总数 10 人），候补递补 0 人");

		MockHttpSession group = login("group1");
		String detail = page(group, location).getResponse().getContentAsString();
		assertThat(detail).contains("nominate-form").contains(organ).doesNotContain("quota-form");
		MvcResult none = mvc.perform(post(location + "/nominations").session(group).with(csrf())).andReturn();
		assertThat(none.getFlashMap().get("error").toString()).isEqualTo("请选择推荐的人员");
		long person = fresh(jdbc, organ, 1).get(0);
		MvcResult nominated = mvc.perform(post(location + "/nominations").session(group).with(csrf())
			.param("personId", String.valueOf(person))).andReturn();
		assertThat(nominated.getFlashMap().get("success").toString()).isEqualTo("已推荐，已通知本人确认");
		long nomination = jdbc.sql("select id from care_recuperation_nomination where batch_id = :b").param("b", id)
			.query(Long.class).single();

		// the person opens the link of the notification and confirms
		MockHttpSession self = login(username(jdbc, person));
		assertThat(page(self, "/care/recuperation").getResponse().getContentAsString()).contains("recuperation-mine")
			.contains(title);
		String answer = page(self, "/care/recuperation/nominations/" + nomination).getResponse().getContentAsString();
		assertThat(answer).contains("nomination-confirm").contains("nomination-decline").doesNotContain("nomination-withdraw");
		MvcResult confirmed = mvc.perform(post("/care/recuperation/nominations/" + nomination + "/confirm").session(self)
			.with(csrf())).andReturn();
		assertThat(confirmed.getFlashMap().get("success").toString()).isEqualTo("已确认参加");
		assertThat(status(jdbc, nomination)).isEqualTo("CONFIRMED");
		MvcResult declineBlank = mvc.perform(post("/care/recuperation/nominations/" + nomination + "/decline").session(self)
			.with(csrf()).param("reason", " ")).andReturn();
		assertThat(declineBlank.getFlashMap().get("error").toString()).isEqualTo("请填写原因（不超过 500 字）");
		assertThat(status(jdbc, nomination)).isEqualTo("CONFIRMED");
		assertThat(page(group, "/care/recuperation/nominations/" + nomination).getResponse().getContentAsString())
			.contains("nomination-withdraw").doesNotContain("nomination-confirm");

		MvcResult export = page(admin, location + "/roster.xlsx");
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(export.getResponse().getHeader("Content-Disposition")).contains(".xlsx");
		assertThat(page(self, location + "/roster.xlsx").getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theListsAndTheDemoBatchesReadInEnglish() throws Exception {
		MockHttpSession admin = login("admin");
		String list = mvc.perform(get("/care/recuperation").param("lang", "en").session(admin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(list).contains("Recuperation").doesNotContain("??").doesNotContain("职工疗休养</span>");
		long demo = jdbc.sql("select min(id) from care_recuperation_batch where kind = 'STAFF'").query(Long.class).single();
		String detail = mvc.perform(get("/care/recuperation/batches/" + demo).param("lang", "en").session(admin)).andReturn()
			.getResponse().getContentAsString();
		assertThat(detail).doesNotContain("??").contains("Awaiting the answer").contains("Waiting").contains("Declined");
		MockHttpSession member = login("member1");
		String mine = mvc.perform(get("/care/recuperation").session(member)).andReturn().getResponse().getContentAsString();
		assertThat(mine).contains("recuperation-mine").contains("待本人确认");
	}
}
