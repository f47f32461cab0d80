package org.quntuan.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures.Member;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Publishing an activity, registering, the wait list, approval and cancellation, through the API. */
class ActivityApiTests extends IntegrationTest {

	static Map<String, Object> activity(String title, int seats, List<Long> orgIds) {
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("title", title);
		a.put("type", "SPORTS_CULTURE");
		a.put("place", "机关活动中心二楼");
		a.put("seats", seats);
		a.put("startAt", now.plusDays(3).toString());
		a.put("endAt", now.plusDays(3).plusHours(2).toString());
		a.put("signupOpensAt", now.minusDays(1).toString());
		a.put("signupClosesAt", now.plusDays(2).toString());
		a.put("audience", Map.of("orgIds", orgIds));
		return a;
	}

	long create(Map<String, Object> activity) throws Exception {
		MvcResult r = mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(activity))).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	MvcResult register(Member m, long id) throws Exception {
		return mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", m.bearer()))
			.andReturn();
	}

	String statusOf(long activityId, Member m) {
		return jdbc.sql("select status from activity_registration where activity_id = :a and person_id = :p")
			.param("a", activityId).param("p", m.personId()).query(String.class).single();
	}

	@Test
	void aMemberOfTheAudienceSeesTheActivityAndRegistersForASeat() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		Member m = ActivityFixtures.members(jdbc, organ, 1, "FEMALE", LocalDate.of(1990, 5, 1)).get(0);
		long id = create(activity("三八节瑜伽课", 10, List.of(organ)));

		JsonNode list = body(mvc.perform(get("/api/v1/activities?size=200").header("Authorization", m.bearer())).andReturn());
		assertThat(list.findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);

		MvcResult r = register(m, id);
		assertThat(r.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(r).get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(body(r).get("waitlistPosition").isNull()).isTrue();

		JsonNode detail = body(mvc.perform(get("/api/v1/activities/" + id).header("Authorization", m.bearer())).andReturn());
		assertThat(detail.get("confirmedCount").asInt()).isEqualTo(1);
		assertThat(detail.get("myStatus").get("code").asString()).isEqualTo("CONFIRMED");
		JsonNode mine = body(mvc.perform(get("/api/v1/activities/mine").header("Authorization", m.bearer())).andReturn());
		assertThat(mine.get("content").findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(id);
		assertThat(mine.get("totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void whenTheSeatsAreTakenTheNextMembersWaitInTurnAndRegisteringAgainAnswersTheCurrentStatus() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		List<Member> ms = ActivityFixtures.members(jdbc, organ, 4, "MALE", LocalDate.of(1985, 1, 1));
		long id = create(activity("羽毛球俱乐部活动夜", 2, List.of(organ)));
		assertThat(register(ms.get(0), id).getResponse().getStatus()).isEqualTo(201);
		assertThat(register(ms.get(1), id).getResponse().getStatus()).isEqualTo(201);
		MvcResult third = register(ms.get(2), id);
		assertThat(third.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(third).get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(body(third).get("waitlistPosition").asInt()).isEqualTo(1);
		MvcResult fourth = register(ms.get(3), id);
		assertThat(body(fourth).get("waitlistPosition").asInt()).isEqualTo(2);

		MvcResult again = register(ms.get(3), id);
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(again).get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(body(again).get("waitlistPosition").asInt()).isEqualTo(2);
		MvcResult againConfirmed = register(ms.get(0), id);
		assertThat(againConfirmed.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(againConfirmed).get("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void aCancellationPromotesTheFirstWaitingMemberWhoIsNotified() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第二片组");
		List<Member> ms = ActivityFixtures.members(jdbc, organ, 3, "MALE", LocalDate.of(1985, 1, 1));
		long id = create(activity("秋季登山", 1, List.of(organ)));
		register(ms.get(0), id);
		register(ms.get(1), id);
		register(ms.get(2), id);

		assertThat(mvc.perform(delete("/api/v1/activities/" + id + "/registrations/mine")
			.header("Authorization", ms.get(0).bearer())).andReturn().getResponse().getStatus()).isEqualTo(204);

		assertThat(statusOf(id, ms.get(0))).isEqualTo("CANCELLED");
		assertThat(statusOf(id, ms.get(1))).isEqualTo("CONFIRMED");
		assertThat(statusOf(id, ms.get(2))).isEqualTo("WAITLISTED");
		MvcResult third = register(ms.get(2), id);
		assertThat(body(third).get("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification where recipient_account_id = :a and channel = 'INBOX' and template = 'activity-promoted'")
			.param("a", ms.get(1).accountId()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select confirmed_count from activity where id = :id").param("id", id).query(Integer.class)
			.single()).isEqualTo(1);

		// a cancelled member may register again, at the end of the queue
		MvcResult back = register(ms.get(0), id);
		assertThat(back.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(back).get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(body(back).get("waitlistPosition").asInt()).isEqualTo(2);
	}

	@Test
	void aRegistrationThatNeedsApprovalHoldsItsSeatUntilTheOrganizerDecides() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第三片组");
		List<Member> ms = ActivityFixtures.members(jdbc, organ, 3, "FEMALE", LocalDate.of(1992, 3, 3));
		Map<String, Object> a = activity("青年联谊会", 1, List.of(organ));
		a.put("needsApproval", true);
		long id = create(a);
		MvcResult first = register(ms.get(0), id);
		assertThat(body(first).get("status").asString()).isEqualTo("PENDING");
		assertThat(body(register(ms.get(1), id)).get("status").asString()).isEqualTo("WAITLISTED");

		JsonNode list = body(mvc.perform(get("/api/v1/activities/" + id + "/registrations")
			.header("Authorization", bearer("admin"))).andReturn());
		assertThat(list.get("pending")).hasSize(1);
		assertThat(list.get("waiting")).hasSize(1);
		assertThat(list.get("pending").get(0).get("mobile").asString()).contains("****");
		long pendingId = list.get("pending").get(0).get("id").asLong();

		assertThat(mvc.perform(post("/api/v1/activities/" + id + "/registrations/" + pendingId + "/reject")
			.header("Authorization", bearer("admin"))).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(statusOf(id, ms.get(0))).isEqualTo("REJECTED");
		// the freed seat goes to the first waiting, who still needs the organizer's approval
		assertThat(statusOf(id, ms.get(1))).isEqualTo("PENDING");
		long next = body(mvc.perform(get("/api/v1/activities/" + id + "/registrations")
			.header("Authorization", bearer("admin"))).andReturn()).get("pending").get(0).get("id").asLong();
		assertThat(mvc.perform(post("/api/v1/activities/" + id + "/registrations/" + next + "/approve")
			.header("Authorization", bearer("admin"))).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(statusOf(id, ms.get(1))).isEqualTo("CONFIRMED");
		assertThat(register(ms.get(0), id).getResponse().getStatus()).isEqualTo(422);
	}

	@Test
	void raisingTheSeatsPromotesWaitingMembersAndTheOrganizerCanAddAndRemovePeople() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		List<Member> ms = ActivityFixtures.members(jdbc, organ, 3, "MALE", LocalDate.of(1980, 1, 1));
		long id = create(activity("书法讲座", 1, List.of(organ)));
		register(ms.get(0), id);
		register(ms.get(1), id);
		MvcResult r = mvc.perform(put("/api/v1/activities/" + id + "/seats").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"seats\":3,\"version\":" + versionOf(id) + "}")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(statusOf(id, ms.get(1))).isEqualTo("CONFIRMED");

		r = mvc.perform(post("/api/v1/activities/" + id + "/registrations/manual").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"personId\":" + ms.get(2).personId() + "}")).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		assertThat(body(r).get("confirmed")).hasSize(3);
		long regId = body(r).get("confirmed").get(2).get("id").asLong();
		r = mvc.perform(delete("/api/v1/activities/" + id + "/registrations/" + regId).header("Authorization", bearer("admin")))
			.andReturn();
		assertThat(body(r).get("confirmed")).hasSize(2);
		assertThat(jdbc.sql("select confirmed_count from activity where id = :id").param("id", id).query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theListComesInPagesSoonestFirstWithALinkToTheNextPage() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		Member m = ActivityFixtures.members(jdbc, organ, 1, "FEMALE", LocalDate.of(1990, 1, 1)).get(0);
		for (int i = 0; i < 3; i++) {
			create(activity("分页测试活动" + i, 5, List.of(organ)));
		}
		List<Long> all = body(mvc.perform(get("/api/v1/activities?size=200").header("Authorization", m.bearer()))
			.andReturn()).findValues("id").stream().map(JsonNode::asLong).toList();
		assertThat(all).hasSizeGreaterThanOrEqualTo(3);
		MvcResult first = mvc.perform(get("/api/v1/activities?size=2").header("Authorization", m.bearer())).andReturn();
		assertThat(body(first).get("content").findValues("id").stream().map(JsonNode::asLong).toList())
			.isEqualTo(all.subList(0, 2));
		assertThat(body(first).get("totalElements").asLong()).isEqualTo(all.size());
		assertThat(body(first).get("totalPages").asInt()).isEqualTo((all.size() + 1) / 2);
		assertThat(first.getResponse().getHeader("Link")).isEqualTo("</api/v1/activities?page=1&size=2>; rel=\"next\"");
		MvcResult second = mvc.perform(get("/api/v1/activities?page=1&size=2").header("Authorization", m.bearer()))
			.andReturn();
		assertThat(body(second).findValues("id").stream().map(JsonNode::asLong).toList())
			.isEqualTo(all.subList(2, Math.min(4, all.size())));
		MvcResult last = mvc.perform(get("/api/v1/activities?page=" + (all.size() / 2) + "&size=2")
			.header("Authorization", m.bearer())).andReturn();
		assertThat(last.getResponse().getHeader("Link")).isNull();
		assertThat(mvc.perform(get("/api/v1/activities?size=0").header("Authorization", m.bearer())).andReturn()
			.getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void activitiesARuleRefusesAreLeftOutAndThePageIsFilledFromFurtherRows() throws Exception {
		// a new organ of its own, so that only this test's activities are open to its people
		long organ = ActivityFixtures.organ(jdbc, "第八片组");
		Member young = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.now(TestClock.CLOCK).minusYears(25)).get(0);
		List<Long> limited = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Map<String, Object> a = activity("老年太极" + i, 5, List.of(organ));
			a.put("minAge", 50);
			// sooner than anything else open, so that they fill the first rows the list reads
			OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);
			a.put("startAt", now.plusMinutes(10 + i).toString());
			a.put("endAt", now.plusHours(1).toString());
			a.put("signupClosesAt", now.plusMinutes(5).toString());
			limited.add(create(a));
		}
		long open = create(activity("青年篮球赛", 5, List.of(organ)));
		MvcResult first = mvc.perform(get("/api/v1/activities?size=1").header("Authorization", young.bearer())).andReturn();
		List<Long> ids = body(first).findValues("id").stream().map(JsonNode::asLong).toList();
		assertThat(ids).hasSize(1).doesNotContainAnyElementsOf(limited);
		assertThat(body(mvc.perform(get("/api/v1/activities?size=200").header("Authorization", young.bearer())).andReturn())
			.findValues("id").stream().map(JsonNode::asLong).toList()).contains(open).doesNotContainAnyElementsOf(limited);
	}

	@Test
	void membersDoNotSeeActivitiesMeantForOtherOrgans() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		long other = ActivityFixtures.organ(jdbc, "第一片组");
		Member outsider = ActivityFixtures.members(jdbc, other, 1, "MALE", LocalDate.of(1980, 1, 1)).get(0);
		long id = create(activity("仅限本单位的读书会", 5, List.of(organ)));
		JsonNode list = body(mvc.perform(get("/api/v1/activities?size=200").header("Authorization", outsider.bearer())).andReturn());
		assertThat(list.findValues("id").stream().map(JsonNode::asLong).toList()).doesNotContain(id);
		assertThat(mvc.perform(get("/api/v1/activities/" + id).header("Authorization", outsider.bearer())).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(register(outsider, id).getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from activity_registration where activity_id = :a").param("a", id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anActivityForAGroupIsOpenToThePeopleOfItsOrgansAndOneForAUnionToThePeopleOfItsOrgan() throws Exception {
		Map<String, Object> a = activity("第一片组健步走", 50, List.of());
		a.put("audience", Map.of("groupIds", List.of(orgId("第一片组"))));
		long forGroup = create(a);
		Map<String, Object> b = activity("财政局工会观影", 50, List.of(orgId("市财政局工会")));
		long forUnion = create(b);
		JsonNode list = body(mvc.perform(get("/api/v1/activities?size=200").header("Authorization", bearer("member1"))).andReturn());
		assertThat(list.findValues("id").stream().map(JsonNode::asLong).toList()).contains(forGroup, forUnion);
		JsonNode other = body(mvc.perform(get("/api/v1/activities?size=200").header("Authorization", bearer("orgadmin2"))).andReturn());
		assertThat(other.findValues("id").stream().map(JsonNode::asLong).toList()).doesNotContain(forGroup, forUnion);
	}

	@Test
	void cancellingAnActivityTellsEveryoneRegisteredAndOnlyOrganizersMayDoIt() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第六片组");
		List<Member> ms = ActivityFixtures.members(jdbc, organ, 2, "MALE", LocalDate.of(1985, 1, 1));
		long id = create(activity("因故取消的座谈会", 1, List.of(organ)));
		register(ms.get(0), id);
		register(ms.get(1), id);
		assertThat(mvc.perform(post("/api/v1/activities/" + id + "/cancel").header("Authorization", ms.get(0).bearer()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/api/v1/activities/" + id + "/cancel").header("Authorization", bearer("orgadmin1")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		MvcResult r = mvc.perform(post("/api/v1/activities/" + id + "/cancel").header("Authorization", bearer("admin")))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(r).get("status").get("code").asString()).isEqualTo("CANCELLED");
		for (Member m : ms) {
			assertThat(jdbc.sql("select count(*) from notification where recipient_account_id = :a and channel = 'INBOX' and template = 'activity-cancelled'")
				.param("a", m.accountId()).query(Long.class).single()).isEqualTo(1);
		}
		assertThat(register(ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1985, 1, 1)).get(0), id)
			.getResponse().getStatus()).isEqualTo(422);
	}

	@Test
	void theDayBeforeConfirmedMembersAreRemindedOnce() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第六片组");
		List<Member> ms = ActivityFixtures.members(jdbc, organ, 2, "MALE", LocalDate.of(1985, 1, 1));
		Map<String, Object> a = activity("明天的趣味运动会", 1, List.of(organ));
		OffsetDateTime tomorrow = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(1).atTime(15, 0)
			.atZone(Zones.BUSINESS).toOffsetDateTime();
		a.put("startAt", tomorrow.toString());
		a.put("endAt", tomorrow.plusHours(2).toString());
		a.put("signupClosesAt", tomorrow.minusHours(1).toString());
		long id = create(a);
		register(ms.get(0), id);
		register(ms.get(1), id);
		reminders.remindTomorrow();
		reminders.remindTomorrow();
		assertThat(jdbc.sql("select count(*) from notification where recipient_account_id = :a and channel = 'INBOX' and template = 'activity-reminder' and channel = 'INBOX'")
			.param("a", ms.get(0).accountId()).query(Long.class).single()).isEqualTo(1);
		// the wait list is not reminded
		assertThat(jdbc.sql("select count(*) from notification where recipient_account_id = :a and channel = 'INBOX' and template = 'activity-reminder'")
			.param("a", ms.get(1).accountId()).query(Long.class).single()).isZero();
	}

	@org.springframework.beans.factory.annotation.Autowired
	ActivityReminders reminders;

	private int versionOf(long activityId) {
		return jdbc.sql("select version from activity where id = :id").param("id", activityId).query(Integer.class).single();
	}
}
