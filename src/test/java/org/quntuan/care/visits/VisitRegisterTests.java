package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.quntuan.support.AuditTrail;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 从登记中列入: an organ's admin adds, in one action, the members in hardship whose register entry still
 * qualifies and the people reported ill in the plan's period or still in hospital, each once, within the
 * budget or not at all.
 */
class VisitRegisterTests extends VisitFixtures {

	private static final AtomicLong SEQ = new AtomicLong();

	/**
	 * New union members of the organ, with neither a hardship entry nor a sick report: the people of the
	 * demo data are shared with other tests, which enter some of them in the registers.
	 */
	private List<Long> fresh(String organ, int n) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long k = SEQ.incrementAndGet();
			String mobile = "196" + String.format("%08d", k);
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile,
					  mobile_reversed, active_mobile, organ_id, political_status, union_status, employment_status, active,
					  created_at, updated_at, version)
					select :name, 'dengji', 'dj', 'MALE', :birth, :idn, :mobile, :rev, :mobile, o.id, 'MASSES', 'MEMBER',
					  'IN_SERVICE', true, :now, :now, 0 from org o where o.name = :organ""")
				.param("name", "登记测试" + k).param("birth", LocalDate.of(1975, 3, 1))
				.param("idn", "993000" + String.format("%012d", k)).param("mobile", mobile)
				.param("rev", new StringBuilder(mobile).reverse().toString()).param("organ", organ)
				.param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
			ids.add(keys.getKey().longValue());
		}
		return ids;
	}

	private void hardshipEntry(long person, LocalDate review) {
		jdbc.sql("""
				insert into care_hardship_case (person_id, org_id, org_path, causes, household_size, income_per_head, level,
				  review_date, created_by, created_at, updated_at)
				select p.id, o.id, o.path, 'ILLNESS', 3, 800.00, 'GENERAL', :review, 1, :now, :now
				from person p join org o on o.id = p.organ_id where p.id = :p""")
			.param("p", person).param("review", review).param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
	}

	private MvcResult fromRegisters(String username, long plan, String kind) throws Exception {
		return postJson(username, "/api/v1/care/visit-plans/" + plan + "/recipients/from-registers",
				kind == null ? "{}" : "{\"kind\":\"" + kind + "\"}");
	}

	private List<Long> listed(long plan) {
		return jdbc.sql("select person_id from care_visit_recipient where plan_id = :p").param("p", plan)
			.query(Long.class).list();
	}

	@Test
	void theQualifyingMembersInHardshipAndTheSickAreAddedOnceAndTheOverdueAndTheLongClosedAreNot() throws Exception {
		List<Long> people = fresh("市财政局", 4);
		hardshipEntry(people.get(0), today().plusMonths(6));
		hardshipEntry(people.get(1), today().minusDays(1));
		assertThat(postJson("orgadmin1", "/api/v1/care/sick-reports", "{\"personId\":" + people.get(2)
				+ ",\"admittedOn\":\"" + today().minusDays(2) + "\",\"hospital\":\"市中医院\"}").getResponse().getStatus())
			.isEqualTo(201);
		MvcResult old = postJson("orgadmin1", "/api/v1/care/sick-reports", "{\"personId\":" + people.get(3)
				+ ",\"admittedOn\":\"" + today().minusDays(100) + "\",\"dischargedOn\":\"" + today().minusDays(90)
				+ "\",\"hospital\":\"市中医院\"}");
		mvc.perform(post("/api/v1/care/sick-reports/" + body(old).get("id").asLong() + "/close")
			.header("Authorization", bearer("orgadmin1")));

		long plan = plan("orgadmin1", "市财政局工会春节慰问（从登记中列入）", "市财政局工会", "100000",
				standard("HARDSHIP", "CASH", "800", null), standard("SICK", "CASH", "500", null));
		MvcResult hardship = fromRegisters("orgadmin1", plan, "困难会员");
		assertThat(hardship.getResponse().getStatus()).as(hardship.getResponse().getContentAsString()).isEqualTo(200);
		long added = body(hardship).get("added").asLong();
		assertThat(listed(plan)).contains(people.get(0)).doesNotContain(people.get(1), people.get(2)).hasSize((int) added);

		MvcResult ill = fromRegisters("orgadmin1", plan, "SICK");
		assertThat(ill.getResponse().getStatus()).isEqualTo(200);
		assertThat(listed(plan)).contains(people.get(2)).doesNotContain(people.get(3));
		assertThat(jdbc.sql("select kind from care_visit_recipient where plan_id = :p and person_id = :x").param("p", plan)
			.param("x", people.get(2)).query(String.class).single()).isEqualTo("SICK");

		// again: everyone is on the list already
		assertThat(body(fromRegisters("orgadmin1", plan, "HARDSHIP")).get("added").asLong()).isZero();
		assertThat(body(fromRegisters("orgadmin1", plan, "SICK")).get("added").asLong()).isZero();
		assertThat(AuditTrail.of(jdbc, "CARE_VISIT_PLAN", plan)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.contains("从困难职工档案列入「市财政局工会春节慰问（从登记中列入）」的慰问对象名单，类别：困难会员"))
			.anyMatch(d -> d.contains("从患病住院登记列入「市财政局工会春节慰问（从登记中列入）」的慰问对象名单，类别：患病住院"));

		// another organ's admin reaches none of these people
		long theirs = plan("orgadmin2", "市教育局工会春节慰问（从登记中列入）", "市教育局工会", "100000",
				standard("HARDSHIP", "CASH", "800", null));
		fromRegisters("orgadmin2", theirs, "HARDSHIP");
		assertThat(listed(theirs)).doesNotContain(people.get(0));
	}

	@Test
	void whenNotAllFitTheBudgetNoOneIsAddedAndTheMessageSaysHowManyWould() throws Exception {
		List<Long> people = fresh("市财政局", 2);
		hardshipEntry(people.get(0), today().plusMonths(3));
		hardshipEntry(people.get(1), today().plusMonths(3));
		long plan = plan("orgadmin1", "市财政局工会困难会员慰问（预算不足）", "市财政局工会", "800",
				standard("HARDSHIP", "CASH", "500", null), standard("RETIRED", "GOODS", "300", "大米"));
		MvcResult over = fromRegisters("orgadmin1", plan, "HARDSHIP");
		assertThat(over.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(over).get("detail").asString()).contains("名困难会员可列入").contains("超出预算：预算 800.00 元，已预留 0.00 元")
			.endsWith("只够再列入 1 人；未列入任何人");
		assertThat(listed(plan)).isEmpty();

		MvcResult noKind = fromRegisters("orgadmin1", plan, null);
		assertThat(noKind.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noKind).get("detail").asString()).isEqualTo("请选择慰问对象类别");
		MvcResult retired = fromRegisters("orgadmin1", plan, "RETIRED");
		assertThat(retired.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(retired).get("detail").asString()).isEqualTo("只能从登记中列入困难会员或患病住院人员");
		MvcResult notInPlan = fromRegisters("orgadmin1", plan, "SICK");
		assertThat(notInPlan.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(notInPlan).get("detail").asString()).isEqualTo("本计划没有「患病住院」类慰问对象");
		assertThat(fromRegisters("member1", plan, "HARDSHIP").getResponse().getStatus()).isEqualTo(404);
		assertThat(listed(plan)).isEmpty();
	}

	@Test
	void theButtonOnThePlanPageAddsFromTheRegister() throws Exception {
		List<Long> people = fresh("市财政局", 1);
		assertThat(postJson("orgadmin1", "/api/v1/care/sick-reports", "{\"personId\":" + people.get(0)
				+ ",\"admittedOn\":\"" + today() + "\",\"hospital\":\"市第一人民医院\"}").getResponse().getStatus())
			.isEqualTo(201);
		long plan = plan("orgadmin1", "市财政局工会慰问患病职工（页面）", "市财政局工会", "50000",
				standard("SICK", "GOODS", "300", "水果、牛奶"));
		MockHttpSession organ = login("orgadmin1");
		String page = mvc.perform(get("/care/visits/" + plan).session(organ)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"from-registers-SICK\"").contains("列入全部患病住院人员")
			.doesNotContain("id=\"from-registers-HARDSHIP\"");
		MvcResult added = mvc.perform(post("/care/visits/" + plan + "/recipients/from-registers").session(organ).with(csrf())
			.param("kind", "SICK")).andReturn();
		assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/care/visits/" + plan);
		assertThat(added.getFlashMap().get("success").toString()).matches("已从登记中列入 \\d+ 人");
		assertThat(listed(plan)).contains(people.get(0));
		MvcResult again = mvc.perform(post("/care/visits/" + plan + "/recipients/from-registers").session(organ).with(csrf())
			.param("kind", "SICK")).andReturn();
		assertThat(again.getFlashMap().get("success")).isEqualTo("登记中没有可列入的人员");
	}
}
