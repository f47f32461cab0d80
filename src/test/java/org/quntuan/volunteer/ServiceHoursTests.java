package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityType;
import org.quntuan.activity.CheckedOut;
import org.quntuan.support.TestClock;
import org.quntuan.volunteer.VolunteerFixtures.Member;
import org.springframework.test.web.servlet.MvcResult;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 志愿 activity is for approved volunteers, and its check-in and check-out measure the hours: a claim
 * carrying the activity, waiting for the organizer, counted once verified.
 */
class ServiceHoursTests extends VolunteerTestSupport {

	private final OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);

	private long service(String title) throws Exception {
		Map<String, Object> a = Map.of("title", title, "type", "VOLUNTEER", "place", "城东社区", "seats", 20,
				"startAt", now.plusHours(2).toString(), "endAt", now.plusHours(5).toString(),
				"signupOpensAt", now.minusDays(1).toString(), "signupClosesAt", now.plusHours(1).toString(),
				"audience", Map.of("orgIds", List.of(orgId("市财政局"))));
		MvcResult r = postJson("admin", "/api/v1/activities", json.writeValueAsString(a));
		expectStatus(r, 201);
		return body(r).get("id").asLong();
	}

	private String token(long activity, String code) throws Exception {
		MvcResult r = getJson("admin", "/api/v1/activities/" + activity + "/" + code);
		expectStatus(r, 200);
		return body(r).get("token").asString();
	}

	private List<Map<String, Object>> claimsOf(long person) {
		return jdbc.sql("""
				select h.activity_id, h.hours, c.approved from volunteer_hours h
				left join volunteer_hours_check c on c.claim_id = h.id
				where h.person_id = :p and h.kind = 'CLAIM'""").param("p", person).query().listOfRows();
	}

	@Test
	void onlyVolunteersSignUpAndTheirCheckInAndCheckOutBecomeHoursTheOrganizerVerifies() throws Exception {
		long activity = service("社区敬老志愿服务");
		Member outsider = freshMember("市财政局");
		MvcResult refused = postJson(outsider.username(), "/api/v1/activities/" + activity + "/registrations", "{}");
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString()).contains("仅限已通过审核的志愿者");

		Member v = volunteer("市财政局");
		Member brief = volunteer("市财政局");
		expectStatus(postJson(v.username(), "/api/v1/activities/" + activity + "/registrations", "{}"), 201);
		expectStatus(postJson(brief.username(), "/api/v1/activities/" + activity + "/registrations", "{}"), 201);
		// the service is under way: it began three hours ago and ends in an hour
		jdbc.sql("update activity set start_at = :s, end_at = :e where id = :id").param("s", now.minusHours(3))
			.param("e", now.plusHours(1)).param("id", activity).update();
		String in = "{\"token\":\"" + token(activity, "check-in-code") + "\"}";
		expectStatus(postJson(v.username(), "/api/v1/activities/" + activity + "/check-in", in), 200);
		expectStatus(postJson(brief.username(), "/api/v1/activities/" + activity + "/check-in", in), 200);
		// v came 2 h 15 min ago, the other only 10 minutes ago
		jdbc.sql("update activity_registration set attended_at = :t where activity_id = :a and person_id = :p")
			.param("t", now.minusMinutes(135)).param("a", activity).param("p", v.id()).update();
		jdbc.sql("update activity_registration set attended_at = :t where activity_id = :a and person_id = :p")
			.param("t", now.minusMinutes(10)).param("a", activity).param("p", brief.id()).update();
		String out = "{\"token\":\"" + token(activity, "check-out-code") + "\"}";
		expectStatus(postJson(v.username(), "/api/v1/activities/" + activity + "/check-out", out), 200);
		expectStatus(postJson(brief.username(), "/api/v1/activities/" + activity + "/check-out", out), 200);
		expectStatus(postJson(v.username(), "/api/v1/activities/" + activity + "/check-out", out), 200);

		List<Map<String, Object>> claims = claimsOf(v.id());
		assertThat(claims).hasSize(1);
		assertThat(((Number) claims.get(0).get("activity_id")).longValue()).isEqualTo(activity);
		assertThat(new BigDecimal(claims.get(0).get("hours").toString())).isEqualByComparingTo("2.0");
		assertThat(claims.get(0).get("approved")).isNull();
		assertThat(claimsOf(brief.id())).as("less than half an hour counts nothing").isEmpty();
		assertThat(new BigDecimal(myHours(v.username()).get("pendingHours").asString())).isEqualByComparingTo("2.0");
		assertThat(new BigDecimal(myHours(v.username()).get("verifiedHours").asString())).isEqualByComparingTo("0");

		long claim = jdbc.sql("select id from volunteer_hours where person_id = :p and activity_id = :a")
			.param("p", v.id()).param("a", activity).query(Long.class).single();
		expectStatus(verify("orgadmin1", claim, true, null, null), 200);
		assertThat(new BigDecimal(myHours(v.username()).get("verifiedHours").asString())).isEqualByComparingTo("2.0");
	}

	@Test
	void theHoursAreTheTimeInsideTheActivityRoundedDownToTheHalfHour() {
		OffsetDateTime start = OffsetDateTime.parse("2026-03-05T09:00:00+08:00");
		OffsetDateTime end = start.plusHours(3);
		// early check-in and late check-out count the activity's three hours
		assertThat(ServiceHours.measured(event(start.minusMinutes(40), end.plusMinutes(50), start, end)))
			.isEqualByComparingTo("3.0");
		// 1 h 59 min inside: 1.5
		assertThat(ServiceHours.measured(event(start.plusMinutes(30), start.plusMinutes(149), start, end)))
			.isEqualByComparingTo("1.5");
		assertThat(ServiceHours.measured(event(start.plusMinutes(30), start.plusMinutes(59), start, end)))
			.isEqualByComparingTo("0");
		// checked in and out after the end: nothing inside
		assertThat(ServiceHours.measured(event(end.plusMinutes(10), end.plusMinutes(70), start, end)))
			.isEqualByComparingTo("0");
	}

	private static CheckedOut event(OffsetDateTime in, OffsetDateTime out, OffsetDateTime start, OffsetDateTime end) {
		return new CheckedOut(1, ActivityType.VOLUNTEER, "社区敬老", 1, 1, in, out, start, end);
	}
}
