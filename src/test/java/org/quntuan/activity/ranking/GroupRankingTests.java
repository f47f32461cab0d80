package org.quntuan.activity.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.activity.SeriesFixtures;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class GroupRankingTests extends IntegrationTest {

	@Autowired
	ApplicationEvents events;

	private String request(int year, int a, int p, int f) {
		return "{\"year\":" + year + ",\"weights\":{\"activities\":" + a + ",\"participation\":" + p + ",\"feedback\":" + f
				+ "},\"extraQuotas\":[2,1]}";
	}

	private List<Long> people(String organ, int count) {
		return jdbc.sql("select id from person where organ_id = :o and active = true order by id")
			.param("o", orgId(organ)).query(Long.class).list().subList(0, count);
	}

	/** In the year: group 1 holds three activities with five attendees who liked them, group 2 one with one. */
	private void busyFirstGroup(int year) {
		OffsetDateTime march = OffsetDateTime.of(year, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
		List<Long> finance = people("市财政局", 5);
		for (int i = 0; i < 3; i++) {
			long a = SeriesFixtures.activity(jdbc, "第一片组活动" + year + "-" + i, orgId("市财政局工会"), march.plusDays(i * 30), null, null);
			for (long p : finance) {
				SeriesFixtures.registration(jdbc, a, p, true, 5);
			}
		}
		long other = SeriesFixtures.activity(jdbc, "第二片组活动" + year, orgId("第二片组"), march, null, null);
		SeriesFixtures.registration(jdbc, other, people("市教育局", 1).get(0), true, 3);
		// cancelled, and in the year before: neither counts
		long cancelled = SeriesFixtures.activity(jdbc, "取消的活动" + year, orgId("第二片组"), march, null, null);
		jdbc.sql("update activity set status = 'CANCELLED' where id = :id").param("id", cancelled).update();
		SeriesFixtures.activity(jdbc, "上一年的活动" + year, orgId("第二片组"), march.minusYears(30), null, null);
	}

	private JsonNode run(int year, int a, int p, int f) throws Exception {
		return body(mvc.perform(post("/api/v1/group-rankings").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(request(year, a, p, f))).andExpect(status().isCreated()).andReturn());
	}

	private JsonNode row(JsonNode ranking, String group) {
		for (JsonNode r : ranking.get("results")) {
			if (r.get("groupName").asString().equals(group)) {
				return r;
			}
		}
		throw new AssertionError(group);
	}

	@Test
	void theGroupWithMoreActivitiesAttendanceAndBetterFeedbackRanksFirstAndGetsTheLargestExtraQuota() throws Exception {
		busyFirstGroup(2011);
		JsonNode ranking = run(2011, 40, 40, 20);
		assertThat(ranking.get("status").asString()).isEqualTo("DRAFT");
		assertThat(ranking.get("results")).hasSizeGreaterThanOrEqualTo(8);
		JsonNode first = row(ranking, "第一片组");
		JsonNode second = row(ranking, "第二片组");
		assertThat(first.get("activities").asInt()).isEqualTo(3);
		assertThat(first.get("attendees").asInt()).isEqualTo(5);
		assertThat(first.get("averageFeedback").decimalValue()).isEqualByComparingTo("5.00");
		assertThat(first.get("rank").asInt()).isEqualTo(1);
		assertThat(first.get("extraAwardQuota").asInt()).isEqualTo(2);
		assertThat(second.get("activities").asInt()).isEqualTo(1);
		assertThat(second.get("rank").asInt()).isEqualTo(2);
		assertThat(second.get("extraAwardQuota").asInt()).isEqualTo(1);
		// a group that held nothing earns no extra quota, whatever its rank
		assertThat(row(ranking, "第五片组").get("extraAwardQuota").asInt()).isZero();
	}

	@Test
	void aDraftIsRerunWithOtherWeightsAndIsSeenOnlyByTheFederationUntilPublished() throws Exception {
		busyFirstGroup(2012);
		run(2012, 40, 40, 20);
		JsonNode rerun = run(2012, 0, 0, 100);
		assertThat(rerun.get("weightFeedback").asInt()).isEqualTo(100);
		assertThat(row(rerun, "第一片组").get("score").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(jdbc.sql("select count(*) from group_ranking_run where year = 2012").query(Long.class).single()).isOne();

		mvc.perform(get("/api/v1/group-rankings/2012").header("Authorization", bearer("member1"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/group-rankings/2012").header("Authorization", bearer("group1"))).andExpect(status().isNotFound());

		events.clear();
		mvc.perform(post("/api/v1/group-rankings/2012/publish").header("Authorization", bearer("admin"))).andExpect(status().isOk());
		List<GroupRankingPublished> published = events.stream(GroupRankingPublished.class).toList();
		assertThat(published).hasSize(1);
		assertThat(published.get(0).year()).isEqualTo(2012);
		RankedGroup top = published.get(0).groups().get(0);
		assertThat(top.groupId()).isEqualTo(orgId("第一片组"));
		assertThat(top.rank()).isEqualTo(1);
		assertThat(top.extraAwardQuota()).isEqualTo(2);

		JsonNode seen = body(mvc.perform(get("/api/v1/group-rankings/2012").header("Authorization", bearer("member1")))
			.andExpect(status().isOk()).andReturn());
		assertThat(seen.get("status").asString()).isEqualTo("PUBLISHED");

		// frozen: neither run again nor published twice
		mvc.perform(post("/api/v1/group-rankings").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(request(2012, 40, 40, 20))).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/group-rankings/2012/publish").header("Authorization", bearer("admin")))
			.andExpect(status().isConflict());
		JsonNode after = body(mvc.perform(get("/api/v1/group-rankings/2012").header("Authorization", bearer("admin"))).andReturn());
		assertThat(after.get("weightFeedback").asInt()).isEqualTo(100);
	}

	@Test
	void weightsThatDoNotAddUpTo100OrAreNegativeAreRefused() throws Exception {
		for (String body : new String[] { request(2013, 40, 40, 10), request(2013, 120, -10, -10), request(2013, -1, 50, 51),
				"{\"year\":2013}", "{\"year\":2013,\"weights\":{\"activities\":50,\"participation\":50,\"feedback\":0},\"extraQuotas\":[-1]}" }) {
			mvc.perform(post("/api/v1/group-rankings").header("Authorization", bearer("admin"))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isBadRequest());
		}
		assertThat(jdbc.sql("select count(*) from group_ranking_run where year = 2013").query(Long.class).single()).isZero();
	}

	@Test
	void onlyTheFederationAdminRunsAndPublishesTheRanking() throws Exception {
		for (String user : new String[] { "group1", "orgadmin1", "auditor1", "member1" }) {
			mvc.perform(post("/api/v1/group-rankings").header("Authorization", bearer(user))
				.contentType(MediaType.APPLICATION_JSON).content(request(2014, 40, 40, 20))).andExpect(status().isForbidden());
		}
		run(2014, 40, 40, 20);
		mvc.perform(post("/api/v1/group-rankings/2014/publish").header("Authorization", bearer("group1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theRankingIsExportedAsAnExcelFile() throws Exception {
		run(2015, 50, 30, 20);
		byte[] xlsx = mvc.perform(get("/api/v1/group-rankings/2015/export").header("Authorization", bearer("admin")))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", ExcelDownload.CONTENT_TYPE))
			.andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).isEqualTo("片组");
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(3 + 8);
		}
	}
}
