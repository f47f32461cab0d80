package org.quntuan.volunteer;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.quntuan.volunteer.VolunteerFixtures.Member;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** People, registrations and claims the volunteer tests share. */
abstract class VolunteerTestSupport extends IntegrationTest {

	static final String REGISTRATION = """
			{"skills":"急救、摄影","areas":"社区敬老","availability":"周末","consent":true}""";

	Member freshMember(String organ) {
		return VolunteerFixtures.member(jdbc, organ);
	}

	static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	/** A fresh member of the organ, registered and approved by the organ's union admin. */
	Member volunteer(String organ) throws Exception {
		Member m = freshMember(organ);
		long id = registered(m);
		expectStatus(decide(organ.equals("市教育局") ? "orgadmin2" : "orgadmin1", id, true, null), 200);
		return m;
	}

	long registered(Member m) throws Exception {
		MvcResult r = postJson(m.username(), "/api/v1/volunteers", REGISTRATION);
		expectStatus(r, 201);
		return body(r).get("id").asLong();
	}

	MvcResult decide(String user, long id, boolean approve, String reason) throws Exception {
		return postJson(user, "/api/v1/volunteers/" + id + "/approval",
				"{\"approve\":" + approve + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
	}

	MvcResult claim(String user, LocalDate date, String hours, String description) throws Exception {
		return postJson(user, "/api/v1/volunteer-hours", "{\"date\":%s,\"hours\":%s,\"description\":%s}".formatted(
				date == null ? "null" : "\"" + date + "\"", hours == null ? "null" : "\"" + hours + "\"",
				description == null ? "null" : "\"" + description + "\""));
	}

	long claimed(String user, LocalDate date, String hours) throws Exception {
		MvcResult r = claim(user, date, hours, "社区敬老服务");
		expectStatus(r, 201);
		return body(r).get("id").asLong();
	}

	MvcResult verify(String user, long claimId, boolean approve, String hours, String reason) throws Exception {
		return postJson(user, "/api/v1/volunteer-hours/" + claimId + "/verification", "{\"approve\":" + approve
				+ (hours == null ? "" : ",\"hours\":\"" + hours + "\"") + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
				+ "}");
	}

	MvcResult adjust(String user, long claimId, String hours, String reason) throws Exception {
		return postJson(user, "/api/v1/volunteer-hours/" + claimId + "/adjustments",
				"{\"hours\":\"" + hours + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
	}

	JsonNode myHours(String user) throws Exception {
		MvcResult r = getJson(user, "/api/v1/volunteers/me/hours");
		expectStatus(r, 200);
		return body(r);
	}

	MvcResult postJson(String user, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	MvcResult getJson(String user, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", bearer(user))).andReturn();
	}

	static void expectStatus(MvcResult r, int status) throws Exception {
		if (r.getResponse().getStatus() != status) {
			throw new AssertionError("expected " + status + ", got " + r.getResponse().getStatus() + " "
					+ r.getResponse().getContentAsString());
		}
	}

	/** The person's verified hours straight from the ledger: adjustments and approved claims. */
	BigDecimal verifiedInDb(long personId) {
		return jdbc.sql("""
				select coalesce(sum(h.hours), 0) from volunteer_hours h left join volunteer_hours_check c on c.claim_id = h.id
				where h.person_id = :p and (h.kind = 'ADJUSTMENT' or c.approved = true)""")
			.param("p", personId).query(BigDecimal.class).single();
	}

	long entries(long personId) {
		return jdbc.sql("select count(*) from volunteer_hours where person_id = :p").param("p", personId).query(Long.class)
			.single();
	}

	long checks(long personId) {
		return jdbc.sql("""
				select count(*) from volunteer_hours_check c join volunteer_hours h on h.id = c.claim_id
				where h.person_id = :p""").param("p", personId).query(Long.class).single();
	}

	long notifications(String username, String template) {
		return jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.recipient_account_id
				where a.username = :u and n.template = :t""").param("u", username).param("t", template)
			.query(Long.class).single();
	}

	long audits(String objectType, long id) {
		return jdbc.sql("select count(*) from audit_event where object_type = :t and object_id = :id").param("t", objectType)
			.param("id", String.valueOf(id)).query(Long.class).single();
	}
}
