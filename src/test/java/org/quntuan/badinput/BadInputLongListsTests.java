package org.quntuan.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Lists in request bodies are capped as the body is read: a 400 naming the field and the limit, before
 * any query is built from them (70,000 audience ids were a 500 and 230 KB of SQL in the log).
 */
class BadInputLongListsTests extends BadInputTest {

	private static final List<Long> SEVENTY_THOUSAND_IDS = LongStream.rangeClosed(1, 70_000).boxed().toList();

	@Autowired
	Clock clock;

	private MvcResult send(MockHttpServletRequestBuilder request, Object body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andReturn();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private void assertRefusedAt(MvcResult result, String field, int limit) throws Exception {
		assertChineseProblem(result, 400);
		assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(body(result).get("errors").get(0).get("message").asString()).contains("最多可提交 " + limit + " 项");
	}

	private Map<String, Object> activityFor(Map<String, Object> audience) {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("title", "七万人的羽毛球赛");
		a.put("type", "SPORTS_CULTURE");
		a.put("place", "机关活动中心");
		a.put("seats", 10);
		a.put("startAt", now.plusDays(3).toString());
		a.put("endAt", now.plusDays(3).plusHours(2).toString());
		a.put("signupOpensAt", now.minusDays(1).toString());
		a.put("signupClosesAt", now.plusDays(2).toString());
		a.put("audience", audience);
		return a;
	}

	@Test
	void anActivityFor70000OrgsIsRefusedNamingTheAudienceAndTheLimit() throws Exception {
		long before = count("activity");
		assertRefusedAt(send(post("/api/v1/activities"), activityFor(Map.of("orgIds", SEVENTY_THOUSAND_IDS))),
				"audience.orgIds", 2000);
		assertRefusedAt(send(post("/api/v1/activities"), activityFor(Map.of("groupIds", SEVENTY_THOUSAND_IDS))),
				"audience.groupIds", 2000);
		assertThat(count("activity")).isEqualTo(before);
	}

	@Test
	void aNoticeToTooManyGroupsIsRefusedButOneToAll2000IsNotRefusedForItsLength() throws Exception {
		long before = count("notice");
		Map<String, Object> notice = Map.of("title", "关于开展健步走活动的通知", "body", "请各单位组织参加。", "targets",
				Map.of("groupIds", SEVENTY_THOUSAND_IDS));
		assertRefusedAt(send(post("/api/v1/notices"), notice), "targets.groupIds", 2000);
		// at the limit the length passes; the ids themselves (none of them a group) are what is refused then
		MvcResult atLimit = send(post("/api/v1/notices"), Map.of("title", "关于开展健步走活动的通知", "body", "请各单位组织参加。",
				"targets", Map.of("groupIds", SEVENTY_THOUSAND_IDS.subList(0, 2000))));
		assertThat(atLimit.getResponse().getStatus()).isBetween(400, 422);
		assertThat(atLimit.getResponse().getContentAsString()).doesNotContain("最多可提交");
		assertThat(count("notice")).isEqualTo(before);
	}

	@Test
	void everyOtherListHasItsOwnLimitOrTheDefaultOne() throws Exception {
		long org = orgId("市财政局工会");
		Map<String, Object> values = new LinkedHashMap<>();
		LongStream.rangeClosed(1, 201).forEach(i -> values.put(String.valueOf(i), "1"));
		assertRefusedAt(send(put("/api/v1/forms/1/responses/" + org), Map.of("values", values, "version", 0)), "values", 200);
		List<Map<String, Object>> entries = LongStream.rangeClosed(1, 2001)
			.mapToObj(i -> Map.<String, Object>of("personId", i, "attendance", "PRESENT"))
			.toList();
		assertRefusedAt(send(put("/api/v1/meetings/1/attendance"), Map.of("entries", entries)), "entries", 2000);
		assertRefusedAt(send(post("/api/v1/finance/audits"), Map.of("year", 2026, "orgIds", SEVENTY_THOUSAND_IDS)),
				"orgIds", 2000);
		assertRefusedAt(send(post("/api/v1/orgs/" + org + "/reelections"),
				Map.of("plannedDate", "2027-01-01", "reason", "届满", "candidates", SEVENTY_THOUSAND_IDS.subList(0, 101))),
				"candidates", 100);
		// a list nested in a list: each form field's options
		Map<String, Object> field = Map.of("label", "选项很多", "type", "CHOICE", "options",
				LongStream.rangeClosed(1, 101).mapToObj(String::valueOf).toList());
		assertRefusedAt(send(post("/api/v1/forms"), Map.of("title", "统计", "fields", List.of(field))), "fields[0].options",
				100);
	}
}
