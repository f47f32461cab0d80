package org.quntuan.activity.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import tools.jackson.databind.JsonNode;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quntuan.activity.SeriesFixtures;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;

class SeriesTests extends IntegrationTest {

	private JsonNode plan(int year, String quarters) throws Exception {
		return body(mvc.perform(post("/api/v1/activity-series").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"year\":" + year + ",\"quarters\":" + quarters + "}"))
			.andExpect(status().isCreated()).andReturn());
	}

	@Test
	void theFederationPlansAYearAndQuartersWithoutAThemeGetTheSeasonsNames() throws Exception {
		JsonNode quarters = plan(2031, "[{\"quarter\":2,\"theme\":\"青春夏日\",\"description\":\"青年联谊\"}]");
		assertThat(quarters).hasSize(4);
		assertThat(quarters.get(0).get("theme").asString()).isEqualTo("春之声");
		assertThat(quarters.get(1).get("theme").asString()).isEqualTo("青春夏日");
		assertThat(quarters.get(2).get("theme").asString()).isEqualTo("秋之韵");
		assertThat(quarters.get(3).get("theme").asString()).isEqualTo("冬之暖");

		// planning again changes the themes given and keeps the rest: still four quarters
		JsonNode again = plan(2031, "[{\"quarter\":4,\"theme\":\"暖冬送温暖\"}]");
		assertThat(again).hasSize(4);
		assertThat(again.get(1).get("theme").asString()).isEqualTo("青春夏日");
		assertThat(again.get(3).get("theme").asString()).isEqualTo("暖冬送温暖");
	}

	@Test
	void aQuarterPageShowsItsActivitiesWithRegistrationsAttendanceAndRate() throws Exception {
		JsonNode quarters = plan(2032, "[]");
		long spring = quarters.get(0).get("id").asLong();
		long organ = orgId("市财政局");
		long activity = SeriesFixtures.activity(jdbc, "三八节瑜伽课" + System.nanoTime(), orgId("市财政局工会"),
				OffsetDateTime.of(2032, 3, 8, 14, 0, 0, 0, ZoneOffset.ofHours(8)), spring, null);
		var people = jdbc.sql("select id from person where organ_id = :o and active = true order by id").param("o", organ)
			.query(Long.class).list().subList(0, 4);
		SeriesFixtures.registration(jdbc, activity, people.get(0), true, 5);
		SeriesFixtures.registration(jdbc, activity, people.get(1), true, 4);
		SeriesFixtures.registration(jdbc, activity, people.get(2), true, null);
		SeriesFixtures.registration(jdbc, activity, people.get(3), false, null);

		JsonNode quarter = body(mvc.perform(get("/api/v1/activity-series/" + spring).header("Authorization", bearer("admin")))
			.andExpect(status().isOk()).andReturn());
		assertThat(quarter.get("registered").asLong()).isEqualTo(4);
		assertThat(quarter.get("attended").asLong()).isEqualTo(3);
		assertThat(quarter.get("attendanceRate").asDouble()).isEqualTo(75.0);
		assertThat(quarter.get("activities")).hasSize(1);
		JsonNode year = body(mvc.perform(get("/api/v1/activity-series").param("year", "2032")
			.header("Authorization", bearer("admin"))).andExpect(status().isOk()).andReturn());
		assertThat(year.get("year").asInt()).isEqualTo(2032);
		assertThat(year.get("quarters")).hasSize(4);
		assertThat(year.get("quarters").get(0).get("registered").asLong()).isEqualTo(4);

		// a member of the organ sees it as well (the audience covers them), on the page too
		mvc.perform(get("/activity-series/" + spring).session(login("member1")))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("三八节瑜伽课")));
		mvc.perform(get("/activity-series").param("year", "2032").session(login("member1")))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("春之声")));
	}

	@Test
	void onlyTheFederationAdminPlansTheSeries() throws Exception {
		for (String user : new String[] { "group1", "orgadmin1", "member1" }) {
			mvc.perform(post("/api/v1/activity-series").header("Authorization", bearer(user))
				.contentType(MediaType.APPLICATION_JSON).content("{\"year\":2033}")).andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("select count(*) from activity_series where year = 2033").query(Long.class).single()).isZero();
	}

	@Test
	void aPlanWithAnImpossibleQuarterOrYearIsRefusedAndNothingIsStored() throws Exception {
		for (String body : new String[] { "{\"year\":2034,\"quarters\":[{\"quarter\":5,\"theme\":\"x\"}]}",
				"{\"year\":1999}", "{\"year\":2034,\"quarters\":[{\"quarter\":1},{\"quarter\":1}]}", "{}" }) {
			mvc.perform(post("/api/v1/activity-series").header("Authorization", bearer("admin"))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isBadRequest());
		}
		assertThat(jdbc.sql("select count(*) from activity_series where year = 2034").query(Long.class).single()).isZero();
	}

	@Test
	void anUnknownQuarterIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/activity-series/987654321").header("Authorization", bearer("member1")))
			.andExpect(status().isNotFound());
	}
}
