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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Check-out (签退) with the organizer's second code: only after check-in, with the check-out code (a
 * check-in code is not one), until two hours after the end; once, announced to the other modules.
 */
@RecordApplicationEvents
class CheckOutTests extends IntegrationTest {

	@Autowired
	ActivityRepository activities;

	@Autowired
	CheckInTokens tokens;

	@Autowired
	ApplicationEvents events;

	private final OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);

	private long create(String title, OffsetDateTime start, OffsetDateTime end, long organ) throws Exception {
		Map<String, Object> a = ActivityApiTests.activity(title, 10, List.of(organ));
		a.put("type", "THEME_PRACTICE");
		a.put("startAt", start.toString());
		a.put("endAt", end.toString());
		a.put("signupOpensAt", start.minusDays(2).toString());
		a.put("signupClosesAt", start.minusMinutes(5).toString());
		MvcResult r = mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(a))).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private MvcResult send(Member m, long id, String what, String token) throws Exception {
		return mvc.perform(post("/api/v1/activities/" + id + "/" + what).header("Authorization", m.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("token", token)))).andReturn();
	}

	private OffsetDateTime checkedOutAt(long id, Member m) {
		return jdbc.sql("select checked_out_at from activity_registration where activity_id = :id and person_id = :p")
			.param("id", id).param("p", m.personId()).query(OffsetDateTime.class).list().get(0);
	}

	@Test
	void aMemberChecksOutOnceAfterCheckingInAndTheOtherModulesHearOfIt() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第四片组");
		Member m = ActivityFixtures.members(jdbc, organ, 1, "FEMALE", LocalDate.of(1992, 3, 1)).get(0);
		// registration opens before the service starts; register while it is open, then move the service to now
		long id = create("主题实践活动", now.plusHours(1), now.plusHours(4), organ);
		assertThat(mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", m.bearer()))
			.andReturn().getResponse().getStatus()).isEqualTo(201);
		jdbc.sql("update activity set start_at = :s, end_at = :e where id = :id").param("s", now.minusHours(2))
			.param("e", now.plusHours(1)).param("id", id).update();
		ActivityRow row = activities.find(id).orElseThrow();

		MvcResult r = send(m, id, "check-out", tokens.issueCheckOut(row, now));
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(r.getResponse().getContentAsString()).contains("须先签到");
		assertThat(send(m, id, "check-in", tokens.issue(row, now)).getResponse().getStatus()).isEqualTo(200);
		// the check-in code does not check anyone out, nor the check-out code in
		r = send(m, id, "check-out", tokens.issue(row, now));
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(checkedOutAt(id, m)).isNull();

		r = send(m, id, "check-out", tokens.issueCheckOut(row, now));
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
		OffsetDateTime out = checkedOutAt(id, m);
		assertThat(out).isNotNull();
		r = send(m, id, "check-out", tokens.issueCheckOut(row, now));
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(checkedOutAt(id, m)).isEqualTo(out);
		List<CheckedOut> heard = events.stream(CheckedOut.class).filter(e -> e.activityId() == id).toList();
		assertThat(heard).hasSize(1);
		assertThat(heard.get(0).type()).isEqualTo(ActivityType.THEME_PRACTICE);
		assertThat(heard.get(0).checkedInAt()).isNotNull();
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'ACTIVITY' and object_id = :id and detail like '活动签退%'")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		// the organizer's code page and the member's page
		String code = mvc.perform(get("/api/v1/activities/" + id + "/check-out-code").header("Authorization", bearer("admin")))
			.andReturn().getResponse().getContentAsString();
		assertThat(code).contains("/activities/" + id + "/check-out?t=");
		assertThat(mvc.perform(get("/api/v1/activities/" + id + "/check-out-code").header("Authorization", m.bearer()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void checkOutClosesTwoHoursAfterTheEnd() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第四片组");
		Member m = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1990, 1, 1)).get(0);
		long id = create("河道保洁实践", now.plusHours(1), now.plusHours(3), organ);
		mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", m.bearer()));
		jdbc.sql("update activity set start_at = :s, end_at = :e where id = :id").param("s", now.minusHours(6))
			.param("e", now.minusHours(3)).param("id", id).update();
		jdbc.sql("update activity_registration set attended_at = :t where activity_id = :id").param("t", now.minusHours(6))
			.param("id", id).update();
		MvcResult r = send(m, id, "check-out", tokens.issueCheckOut(activities.find(id).orElseThrow(), now));
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(r.getResponse().getContentAsString()).contains("签退时间已过");
		assertThat(checkedOutAt(id, m)).isNull();
		assertThat(events.stream(CheckedOut.class).filter(e -> e.activityId() == id)).isEmpty();
	}
}
