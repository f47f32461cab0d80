package org.quntuan.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures.Member;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Wrong moments, wrong people, wrong tokens and wrong numbers: clear errors, nothing changed. */
class ActivityBadInputTests extends IntegrationTest {

	@Autowired
	ActivityRepository activities;

	@Autowired
	CheckInTokens tokens;

	private final OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);

	private long create(Map<String, Object> a) throws Exception {
		MvcResult r = publish(a);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private MvcResult publish(Map<String, Object> a) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post("/api/v1/activities")
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(a))).andReturn();
	}

	private MvcResult register(Member m, long id) throws Exception {
		return mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", m.bearer()))
			.andReturn();
	}

	private long registrations(long id) {
		return jdbc.sql("select count(*) from activity_registration where activity_id = :a").param("a", id)
			.query(Long.class).single();
	}

	private static String detail(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString();
	}

	@Test
	void registeringBeforeTheWindowOpensOrAfterItClosesIsRefused() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第四片组");
		Member m = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1990, 1, 1)).get(0);
		Map<String, Object> early = ActivityApiTests.activity("尚未开放报名的讲座", 10, List.of(organ));
		early.put("signupOpensAt", now.plusDays(1).toString());
		long notYet = create(early);
		// published while open; its sign-up closed yesterday (one cannot publish it closed)
		long closed = create(ActivityApiTests.activity("已截止报名的讲座", 10, List.of(organ)));
		jdbc.sql("update activity set signup_opens_at = :o, signup_closes_at = :c where id = :id")
			.param("o", now.minusDays(3)).param("c", now.minusDays(1)).param("id", closed).update();

		MvcResult r = register(m, notYet);
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(r)).contains("报名尚未开始");
		r = register(m, closed);
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(r)).contains("报名已截止");
		assertThat(registrations(notYet) + registrations(closed)).isZero();
	}

	@Test
	void anActivityForWomenOrAnAgeRangeRefusesOthersWithTheReason() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第四片组");
		Member man = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1990, 1, 1)).get(0);
		Member young = ActivityFixtures.members(jdbc, organ, 1, "FEMALE", LocalDate.now(TestClock.CLOCK).minusYears(25)).get(0);
		Map<String, Object> a = ActivityApiTests.activity("三八节女职工插花", 10, List.of(organ));
		a.put("gender", "FEMALE");
		a.put("minAge", 30);
		long id = create(a);
		MvcResult r = register(man, id);
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(r)).contains("仅限女职工");
		r = register(young, id);
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(r)).contains("30周岁及以上");
		assertThat(registrations(id)).isZero();
	}

	@Test
	void cancellingAfterTheDeadlineIsRefusedAndTheSeatStaysTaken() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第四片组");
		Member m = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1990, 1, 1)).get(0);
		Map<String, Object> a = ActivityApiTests.activity("取消截止已过的参观", 10, List.of(organ));
		a.put("cancelDeadline", now.minusHours(1).toString());
		long id = create(a);
		assertThat(register(m, id).getResponse().getStatus()).isEqualTo(201);
		MvcResult r = mvc.perform(delete("/api/v1/activities/" + id + "/registrations/mine").header("Authorization", m.bearer()))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(r)).contains("已过取消报名截止时间");
		assertThat(jdbc.sql("select status from activity_registration where activity_id = :a").param("a", id)
			.query(String.class).single()).isEqualTo("CONFIRMED");
	}

	@Test
	void checkingInWithAForgedOrExpiredTokenOrOutsideTheWindowIsRefused() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第四片组");
		Member m = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1990, 1, 1)).get(0);
		Map<String, Object> a = ActivityApiTests.activity("正在进行的讲座", 10, List.of(organ));
		a.put("startAt", now.minusMinutes(10).toString());
		a.put("endAt", now.plusHours(1).toString());
		a.put("signupClosesAt", now.plusMinutes(30).toString());
		long id = create(a);
		register(m, id);
		ActivityRow row = activities.find(id).orElseThrow();

		MvcResult r = checkIn(m, id, "1999999999.forged");
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(detail(r)).contains("签到二维码无效");
		r = checkIn(m, id, tokens.issue(row, now.minusHours(1)));
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(r)).contains("已过期");
		// a valid token of another activity is a forged one here
		Map<String, Object> b = ActivityApiTests.activity("三天后的讲座", 10, List.of(organ));
		long later = create(b);
		r = checkIn(m, id, tokens.issue(activities.find(later).orElseThrow(), now));
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from activity_registration where activity_id = :a and attended_at is not null")
			.param("a", id).query(Long.class).single()).isZero();

		register(m, later);
		r = checkIn(m, later, tokens.issue(activities.find(later).orElseThrow(), now));
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(r)).contains("不在签到时间内");

		r = checkIn(m, id, tokens.issue(row, now));
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from activity_registration where activity_id = :a and attended_at is not null")
			.param("a", id).query(Long.class).single()).isEqualTo(1);

		// feedback: from attendees only, 1 to 5 stars
		MvcResult fb = mvc.perform(post("/api/v1/activities/" + id + "/feedback").header("Authorization", m.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"stars\":6}")).andReturn();
		assertThat(fb.getResponse().getStatus()).isEqualTo(400);
		fb = mvc.perform(post("/api/v1/activities/" + id + "/feedback").header("Authorization", m.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"stars\":5,\"comment\":\"讲得很好\"}")).andReturn();
		assertThat(fb.getResponse().getStatus()).isEqualTo(200);
		Member absent = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1990, 1, 1)).get(0);
		register(absent, id);
		fb = mvc.perform(post("/api/v1/activities/" + id + "/feedback").header("Authorization", absent.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"stars\":1}")).andReturn();
		assertThat(fb.getResponse().getStatus()).isEqualTo(422);
	}

	private MvcResult checkIn(Member m, long id, String token) throws Exception {
		return mvc.perform(post("/api/v1/activities/" + id + "/check-in").header("Authorization", m.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("token", token)))).andReturn();
	}

	@Test
	void loweringTheSeatsBelowThoseTakenIsRefusedAndChangesNothing() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第四片组");
		List<Member> ms = ActivityFixtures.members(jdbc, organ, 3, "MALE", LocalDate.of(1990, 1, 1));
		long id = create(ActivityApiTests.activity("名额调整的篮球赛", 5, List.of(organ)));
		for (Member m : ms) {
			register(m, id);
		}
		MvcResult r = mvc.perform(put("/api/v1/activities/" + id + "/seats").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"seats\":2,\"version\":" + versionOf(id) + "}")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(r)).contains("名额不能少于已确认和待审核的报名人数（3 人）");
		assertThat(jdbc.sql("select seats from activity where id = :id").param("id", id).query(Integer.class).single())
			.isEqualTo(5);
	}

	@Test
	void anIncompleteOrInconsistentActivityIsRefusedWithTheFieldNamed() throws Exception {
		long organ = orgId("市财政局");
		Map<String, Object> a = ActivityApiTests.activity("", 10, List.of(organ));
		assertThat(publish(a).getResponse().getStatus()).isEqualTo(400);
		a = ActivityApiTests.activity("时间颠倒的活动", 10, List.of(organ));
		a.put("endAt", now.plusDays(1).toString());
		MvcResult r = publish(a);
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(detail(r)).contains("结束时间须晚于开始时间");
		a = ActivityApiTests.activity("零名额的活动", 0, List.of(organ));
		assertThat(publish(a).getResponse().getStatus()).isEqualTo(400);
		a = ActivityApiTests.activity("类型不明的活动", 10, List.of(organ));
		a.put("type", "PARTY");
		assertThat(publish(a).getResponse().getStatus()).isEqualTo(400);
		a = ActivityApiTests.activity("多余字段的活动", 10, List.of(organ));
		a.put("price", 10);
		assertThat(publish(a).getResponse().getStatus()).isEqualTo(400);
		// an org admin may not open an activity to another organ, nor organize it for one
		a = ActivityApiTests.activity("越权的活动", 10, List.of(orgId("市教育局")));
		assertThat(mvc.perform(MockMvcRequestBuilders.post("/api/v1/activities")
			.header("Authorization", bearer("orgadmin1")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(a))).andReturn().getResponse().getStatus()).isEqualTo(403);
		a = ActivityApiTests.activity("越权的组织方", 10, List.of(orgId("市财政局工会")));
		a.put("organizerOrgId", orgId("市教育局工会"));
		assertThat(mvc.perform(MockMvcRequestBuilders.post("/api/v1/activities")
			.header("Authorization", bearer("orgadmin1")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(a))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from activity where title like '%越权%' or title like '%颠倒%'")
			.query(Long.class).single()).isZero();
	}

	private int versionOf(long activityId) {
		return jdbc.sql("select version from activity where id = :id").param("id", activityId).query(Integer.class).single();
	}
}
