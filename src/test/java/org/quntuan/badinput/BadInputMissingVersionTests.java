package org.quntuan.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A change to an existing object names the version the caller read: without it a 400 naming
 * {@code version}, with an old one a 409, and in neither case is anything overwritten.
 */
class BadInputMissingVersionTests extends BadInputTest {

	@Autowired
	Clock clock;

	private MvcResult send(String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andReturn();
	}

	private int version(String table, long id) {
		return jdbc.sql("select version from " + table + " where id = :id").param("id", id).query(Integer.class).single();
	}

	private void assertVersionMissing(MvcResult result) throws Exception {
		assertChineseProblem(result, 400);
		assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo("version");
	}

	private static Map<String, Object> with(Map<String, Object> body, Object version) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put("version", version);
		return copy;
	}

	private Map<String, Object> activity(String title) {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("title", title);
		a.put("type", "SPORTS_CULTURE");
		a.put("place", "机关活动中心");
		a.put("seats", 10);
		a.put("startAt", now.plusDays(3).toString());
		a.put("endAt", now.plusDays(3).plusHours(2).toString());
		a.put("signupOpensAt", now.minusDays(1).toString());
		a.put("signupClosesAt", now.plusDays(2).toString());
		a.put("audience", Map.of("orgIds", List.of(orgId("市财政局"))));
		return a;
	}

	@Test
	void anActivityChangedWithoutItsVersionIsRefusedAndAnOldVersionIsAConflict() throws Exception {
		MvcResult created = send("admin", post("/api/v1/activities"), activity("版本号测试的乒乓球赛"));
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		long id = body(created).get("id").asLong();
		String titleOf = "select title from activity where id = :id";

		Map<String, Object> renamed = activity("改名后的乒乓球赛");
		assertVersionMissing(send("admin", put("/api/v1/activities/" + id), renamed));
		assertChineseProblem(send("admin", put("/api/v1/activities/" + id), with(renamed, version("activity", id) - 1)), 409);
		assertVersionMissing(send("admin", put("/api/v1/activities/" + id + "/seats"), Map.of("seats", 20)));
		assertChineseProblem(send("admin", put("/api/v1/activities/" + id + "/seats"),
				Map.of("seats", 20, "version", version("activity", id) + 1)), 409);
		assertThat(jdbc.sql(titleOf).param("id", id).query(String.class).single()).isEqualTo("版本号测试的乒乓球赛");

		MvcResult changed = send("admin", put("/api/v1/activities/" + id), with(renamed, version("activity", id)));
		assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(jdbc.sql(titleOf).param("id", id).query(String.class).single()).isEqualTo("改名后的乒乓球赛");
	}

	@Test
	void aFormResponseSavedOrReturnedWithoutItsVersionIsRefused() throws Exception {
		long union = orgId("市财政局工会");
		MvcResult sent = send("admin", post("/api/v1/forms"), Map.of("title", "版本号测试统计" + System.nanoTime() % 100000,
				"deadline", OffsetDateTime.now(clock).plusDays(5).toString(), "fields",
				List.of(Map.of("label", "职工人数", "type", "INTEGER", "required", true)), "targets",
				Map.of("orgIds", List.of(union))));
		assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(201);
		long form = body(sent).get("id").asLong();
		String field = body(sent).get("fields").get(0).get("id").asString();
		String url = "/api/v1/forms/" + form + "/responses/" + union;

		assertVersionMissing(send("orgadmin1", put(url), Map.of("values", Map.of(field, 10), "submit", true)));
		assertChineseProblem(send("orgadmin1", put(url), Map.of("values", Map.of(field, 10), "submit", true, "version", 7)), 409);
		MvcResult submitted = send("orgadmin1", put(url), Map.of("values", Map.of(field, 10), "submit", true, "version", 0));
		assertThat(submitted.getResponse().getStatus()).as(submitted.getResponse().getContentAsString()).isEqualTo(200);
		int version = body(submitted).get("version").asInt();

		assertVersionMissing(send("admin", post(url + "/return"), Map.of("reason", "人数有误")));
		assertChineseProblem(send("admin", post(url + "/return"), Map.of("reason", "人数有误", "version", version - 1)), 409);
		assertThat(jdbc.sql("select status from stat_form_response where form_id = :f and org_id = :o").param("f", form)
			.param("o", union).query(String.class).single()).isEqualTo("SUBMITTED");
	}

	@Test
	void anInformationReportMarkedWithoutItsVersionIsRefused() throws Exception {
		MvcResult submitted = send("info1", post("/api/v1/info-reports"),
				Map.of("title", "版本号测试信息" + System.nanoTime() % 100000, "body", "市财政局开展健步走活动。"));
		assertThat(submitted.getResponse().getStatus()).as(submitted.getResponse().getContentAsString()).isEqualTo(201);
		long id = body(submitted).get("id").asLong();
		assertVersionMissing(send("admin", post("/api/v1/info-reports/" + id + "/mark"), Map.of("status", "ADOPTED")));
		assertChineseProblem(send("admin", post("/api/v1/info-reports/" + id + "/mark"),
				Map.of("status", "ADOPTED", "version", version("info_report", id) + 1)), 409);
		assertThat(jdbc.sql("select status from info_report where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("SUBMITTED");
	}

	@Test
	void anAccountDisabledWithoutItsVersionStaysEnabled() throws Exception {
		long account = jdbc.sql("select id from account where username = 'member1'").query(Long.class).single();
		for (String action : new String[] { "disable", "reset-password" }) {
			assertVersionMissing(send("admin", post("/api/v1/accounts/" + account + "/" + action), Map.of()));
			assertChineseProblem(send("admin", post("/api/v1/accounts/" + account + "/" + action),
					Map.of("version", version("account", account) + 1)), 409);
		}
		assertThat(jdbc.sql("select enabled from account where id = :id").param("id", account).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void everyOtherUpdateAlreadyAsksForItsVersion() throws Exception {
		long org = orgId("市财政局");
		assertVersionMissing(send("admin", put("/api/v1/orgs/" + org), Map.of("name", "市财政局")));
		long person = personOf("member1");
		assertVersionMissing(send("admin", post("/api/v1/members/" + person + "/transfer"),
				Map.of("toOrganId", orgId("市教育局"), "reason", "调动")));
	}
}
