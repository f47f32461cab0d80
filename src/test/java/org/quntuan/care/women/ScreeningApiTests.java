package org.quntuan.care.women;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.care.women.WomenFixtures.person;
import static org.quntuan.care.women.WomenFixtures.status;

import java.time.LocalDate;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.quntuan.support.AuditTrail;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The 两癌 screening end to end: the federation plans it with its places shared among organs, women sign
 * themselves up (the wait list beyond their organ's places, priority groups first), a cancelled place
 * goes to the first waiting, and the result stays between the woman, her organ's women's committee and
 * the federation, each of their views of it written to the access log.
 */
class ScreeningApiTests extends ScreeningTestSupport {

	@Test
	void theFederationSharesThePlacesAmongTheOrgansByTheirWomen() throws Exception {
		long id = screening("按人数分配名额" + System.nanoTime(), null, 40);
		List<int[]> quotas = jdbc.sql("""
				select q.places, (select count(*) from person p where p.organ_id = q.organ_id and p.active = true
				  and p.gender = 'FEMALE') from care_women_quota q where q.screening_id = :s""")
			.param("s", id).query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) }).list();
		assertThat(quotas.stream().mapToInt(q -> q[0]).sum()).isEqualTo(40);
		assertThat(quotas).allSatisfy(q -> assertThat(q[1]).isPositive());
		long women = jdbc.sql("""
				select count(*) from person p join org o on o.id = p.organ_id
				where p.active = true and p.gender = 'FEMALE' and o.type = 'ORGAN' and o.active = true""")
			.query(Long.class).single();
		// each organ's share within one place of its women's part of the 40
		for (int[] q : quotas) {
			assertThat((double) q[0]).isCloseTo(40.0 * q[1] / women, Offset.offset(1.0));
		}
		assertThat(AuditTrail.of(jdbc, "CARE_WOMEN_SCREENING", id)).singleElement()
			.satisfies(e -> assertThat(e.detail()).contains("名额 40 人"));
	}

	@Test
	void aWomanSignsUpAndOnlySheHerCommitteeAndTheFederationSeeHerResult() throws Exception {
		long screening = screeningFor("市财政局", 2);
		String her = person(jdbc, "市财政局", "FEMALE", 40);
		long signup = signedUp(her, screening, "CONFIRMED");

		MvcResult list = getAs("women1", "/api/v1/women/screenings/" + screening + "/signups");
		assertThat(list.getResponse().getStatus()).isEqualTo(200);
		JsonNode line = body(list).get("content").get(0);
		assertThat(line.get("mobile").asString()).contains("****").isNotEqualTo(her);
		assertThat(line.get("resultRecorded").asBoolean()).isFalse();
		assertThat(line.get("priority").asBoolean()).isTrue();
		assertThat(getAs("orgadmin1", "/api/v1/women/screenings/" + screening + "/signups").getResponse().getStatus())
			.isEqualTo(404);
		MvcResult all = getAs("admin", "/api/v1/women/screenings/" + screening + "/signups");
		assertThat(all.getResponse().getStatus()).as(all.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(all).get("totalElements").asInt()).isEqualTo(1);

		MvcResult recorded = postAs("women1", "/api/v1/women/signups/" + signup + "/result",
				"{\"result\":\"FOLLOW_UP\",\"note\":\"六个月后复查乳腺超声\"}");
		assertThat(recorded.getResponse().getStatus()).as(recorded.getResponse().getContentAsString()).isEqualTo(204);
		assertThat(AuditTrail.of(jdbc, "CARE_WOMEN_SIGNUP", signup)).extracting(AuditTrail.Event::detail)
			.noneMatch(d -> d.contains("需复查") || d.contains("复查乳腺"));
		assertThat(jdbc.sql("select count(*) from notification where event_key like :k").param("k",
				"care-women-result-" + signup + "-%").query(Long.class).single()).isEqualTo(1);

		MvcResult mine = getAs(her, "/api/v1/women/signups/" + signup);
		assertThat(body(mine).get("result").get("code").asString()).isEqualTo("FOLLOW_UP");
		assertThat(body(mine).get("resultNote").asString()).isEqualTo("六个月后复查乳腺超声");
		assertThat(body(getAs(her, "/api/v1/women/my-signups")).get("content").get(0).get("id").asLong()).isEqualTo(signup);
		int viewsBefore = wholeViews(signup);
		assertThat(viewsBefore).isZero();

		assertThat(body(getAs("women1", "/api/v1/women/signups/" + signup)).get("result").get("code").asString())
			.isEqualTo("FOLLOW_UP");
		assertThat(body(getAs("admin", "/api/v1/women/signups/" + signup)).get("result").get("code").asString())
			.isEqualTo("FOLLOW_UP");
		assertThat(wholeViews(signup)).isEqualTo(2);
		for (String outsider : List.of("orgadmin1", "group1", "finance1", "auditor1", "info1", "member1")) {
			assertThat(getAs(outsider, "/api/v1/women/signups/" + signup).getResponse().getStatus()).as(outsider)
				.isEqualTo(404);
		}
		assertThat(wholeViews(signup)).isEqualTo(2);
	}

	private int wholeViews(long signup) {
		return jdbc.sql("""
				select count(*) from audit_event where type = 'PERSONAL_DATA_VIEW' and object_type = 'CARE_WOMEN_SIGNUP'
				  and object_id = :id""").param("id", String.valueOf(signup)).query(Integer.class).single();
	}

	@Test
	void aCancelledPlaceGoesToTheFirstWaitingPriorityFirstWhoIsTold() throws Exception {
		long screening = screeningFor("市财政局", 1);
		String first = person(jdbc, "市财政局", "FEMALE", 30);
		String young = person(jdbc, "市财政局", "FEMALE", 26);
		String older = person(jdbc, "市财政局", "FEMALE", 45);
		screenedLastYear(young);
		long firstSignup = signedUp(first, screening, "CONFIRMED");
		long youngSignup = signedUp(young, screening, "WAITING");
		long olderSignup = signedUp(older, screening, "WAITING");
		assertThat(priority(youngSignup)).isFalse();
		assertThat(priority(olderSignup)).isTrue();

		MvcResult cancelled = postAs(first, "/api/v1/women/signups/" + firstSignup + "/cancellation", null);
		assertThat(cancelled.getResponse().getStatus()).as(cancelled.getResponse().getContentAsString()).isEqualTo(204);
		assertThat(status(jdbc, firstSignup)).isEqualTo("CANCELLED");
		assertThat(status(jdbc, olderSignup)).isEqualTo("CONFIRMED");
		assertThat(status(jdbc, youngSignup)).isEqualTo("WAITING");
		long olderAccount = jdbc.sql("select id from account where username = :u").param("u", older).query(Long.class)
			.single();
		assertThat(jdbc.sql("select count(*) from notification where recipient_account_id = :a and template = 'care-women-promoted'")
			.param("a", olderAccount).query(Long.class).single()).isPositive();

		// she may sign up again: the organ's place is taken now, so she waits
		assertThat(signedUp(first, screening, "WAITING")).isEqualTo(firstSignup);
	}

	private boolean priority(long signup) {
		return jdbc.sql("select priority from care_women_signup where id = :id").param("id", signup).query(Boolean.class)
			.single();
	}

	/** A result in a screening of last year: she is in no priority group unless by age. */
	private void screenedLastYear(String mobile) {
		long person = jdbc.sql("select person_id from account where username = :u").param("u", mobile).query(Long.class)
			.single();
		int year = WomenFixtures.today().getYear() - 1;
		jdbc.sql("""
				insert into care_women_screening (year, title, starts_on, ends_on, signup_opens_on, signup_closes_on, capacity,
				  priority_age, priority_years, owner_org_id, creator_account_id, creator_name, created_at)
				values (:y, :t, :d, :d, :d, :d, 1, 35, 2, (select id from org where parent_id is null), 1, 'test', current_timestamp)""")
			.param("y", year).param("t", "去年筛查" + mobile).param("d", LocalDate.of(year, 5, 1)).update();
		jdbc.sql("""
				insert into care_women_signup (screening_id, person_id, organ_id, status, priority, signed_up_at, result, result_at)
				select s.id, p.id, p.organ_id, 'CONFIRMED', false, current_timestamp, 'NORMAL', current_timestamp
				from care_women_screening s, person p where s.title = :t and p.id = :p""")
			.param("t", "去年筛查" + mobile).param("p", person).update();
	}
}
