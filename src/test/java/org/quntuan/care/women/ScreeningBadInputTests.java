package org.quntuan.care.women;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.care.women.WomenFixtures.person;
import static org.quntuan.care.women.WomenFixtures.signups;
import static org.quntuan.care.women.WomenFixtures.today;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Refused sign-ups, results and plans: a clear problem, nothing changed. */
class ScreeningBadInputTests extends ScreeningTestSupport {

	private void refused(MvcResult r, int status, String words) throws Exception {
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
		assertThat(r.getResponse().getContentType()).contains("problem+json");
		assertThat(body(r).get("detail").asString()).contains(words);
	}

	@Test
	void aManIsNotSignedUp() throws Exception {
		long screening = screeningFor("市财政局", 3);
		refused(signUp(person(jdbc, "市财政局", "MALE", 40), screening), 422, "仅限女职工");
		assertThat(signups(jdbc, screening)).isZero();
	}

	@Test
	void outsideTheWindowNobodySignsUp() throws Exception {
		LocalDate later = today().plusDays(20);
		String body = "{\"title\":\"明年筛查" + System.nanoTime() + "\",\"startsOn\":\"" + later + "\",\"endsOn\":\""
				+ later.plusDays(10) + "\",\"signupOpensOn\":\"" + today().plusDays(5) + "\",\"signupClosesOn\":\""
				+ today().plusDays(15) + "\",\"capacity\":2,\"quotas\":[{\"organId\":" + orgId("市财政局") + ",\"places\":2}]}";
		MvcResult created = postAs("admin", "/api/v1/women/screenings", body);
		long screening = body(created).get("id").asLong();
		refused(signUp(person(jdbc, "市财政局", "FEMALE", 30), screening), 422, "不在报名时间内");
		assertThat(signups(jdbc, screening)).isZero();
	}

	@Test
	void aWomanSignsUpOnceAndOnlyForHerOrgansPlaces() throws Exception {
		long screening = screeningFor("市财政局", 3);
		String her = person(jdbc, "市财政局", "FEMALE", 30);
		signedUp(her, screening, "CONFIRMED");
		refused(signUp(her, screening), 409, "已报名");
		assertThat(signups(jdbc, screening)).isEqualTo(1);
		refused(signUp(person(jdbc, "市教育局", "FEMALE", 30), screening), 422, "未给市教育局分配名额");
		assertThat(signups(jdbc, screening)).isEqualTo(1);
	}

	@Test
	void aUnionAdminDoesNotRecordAResult() throws Exception {
		long screening = screeningFor("市财政局", 3);
		long signup = signedUp(person(jdbc, "市财政局", "FEMALE", 30), screening, "CONFIRMED");
		refused(postAs("orgadmin1", "/api/v1/women/signups/" + signup + "/result", "{\"result\":\"NORMAL\"}"), 403,
				"妇委会");
		refused(postAs("women1", "/api/v1/women/signups/" + signup + "/result", "{\"result\":\"MAYBE\"}"), 400, "MAYBE");
		assertThat(jdbc.sql("select count(*) from care_women_signup where id = :id and result is null")
			.param("id", signup).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'CARE_WOMEN_SIGNUP' and object_id = :id")
			.param("id", String.valueOf(signup)).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void quotasThatDoNotAddUpToTheCapacityPlanNothing() throws Exception {
		long before = jdbc.sql("select count(*) from care_women_screening").query(Long.class).single();
		String title = "名额不符" + System.nanoTime();
		refused(postAs("admin", "/api/v1/women/screenings", WomenFixtures.openScreening(title,
				"[{\"organId\":" + orgId("市财政局") + ",\"places\":3}]", 5)), 400, "应等于名额总数 5");
		refused(postAs("orgadmin1", "/api/v1/women/screenings", WomenFixtures.openScreening(title, null, 5)), 403,
				"工委管理员");
		refused(postAs("women1", "/api/v1/women/screenings", WomenFixtures.openScreening(title, null, 5)), 403,
				"工委管理员");
		assertThat(jdbc.sql("select count(*) from care_women_screening").query(Long.class).single()).isEqualTo(before);
	}
}
