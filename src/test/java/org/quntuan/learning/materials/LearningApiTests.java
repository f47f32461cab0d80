package org.quntuan.learning.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.learning.StudyFigures;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** The API contract of study materials, assignments and earned completion. */
class LearningApiTests extends IntegrationTest {

	@Autowired
	StudyFigures figures;

	@Autowired
	LearningReminders reminders;

	private MvcResult postJson(String url, String who, String body) throws Exception {
		return mvc.perform(post(url).header("Authorization", who.startsWith("Bearer ") ? who : bearer(who))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
	}

	private MvcResult getAs(String url, String who) throws Exception {
		return mvc.perform(get(url).header("Authorization", who.startsWith("Bearer ") ? who : bearer(who))).andReturn();
	}

	private long article(String who, String title, String body) throws Exception {
		MvcResult r = postJson("/api/v1/learning/materials", who, json.writeValueAsString(new MaterialRequest(title,
				"ARTICLE", body, null, null, List.of("法律法规"), null, null)));
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private long assign(String who, long materialId, long orgId, LocalDate due) throws Exception {
		MvcResult r = postJson("/api/v1/learning/assignments", who, "{\"materialIds\":[" + materialId
				+ "],\"targets\":{\"orgIds\":[" + orgId + "]},\"dueDate\":\"" + due + "\"}");
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private void openedSecondsAgo(long material, long person, long seconds) {
		jdbc.sql("update learning_open set opened_at = :t where material_id = :m and person_id = :p")
			.param("t", OffsetDateTime.now(TestClock.CLOCK).minusSeconds(seconds)).param("m", material).param("p", person)
			.update();
	}

	@Test
	void anArticleIsCreatedWith201AndItsBodyComesBackCleaned() throws Exception {
		long id = article("admin", "工会法学习" + System.nanoTime(), "<h3>总则</h3><p onclick=\"alert(1)\">工会是<b>职工</b>自愿结合的"
				+ "工人阶级群众组织。</p><script>alert(2)</script><img src=x onerror=alert(3)>"
				+ "<a href=\"javascript:alert(4)\">点此</a><a href=\"https://www.acftu.org/\">全总</a>");
		JsonNode m = body(getAs("/api/v1/learning/materials/" + id, "admin"));
		String clean = m.get("body").asString();
		assertThat(clean).contains("<h3>总则</h3>", "<b>职工</b>", "href=\"https://www.acftu.org/\"")
			.doesNotContain("script", "onclick", "onerror", "javascript:", "<img");
		assertThat(m.get("kind").get("code").asString()).isEqualTo("ARTICLE");
		assertThat(m.get("tags").get(0).asString()).isEqualTo("法律法规");
		assertThat(m.get("minSeconds").asInt()).isEqualTo(60);
	}

	@Test
	void badInputIsRefusedAndNothingIsStored() throws Exception {
		long before = jdbc.sql("select count(*) from learning_material").query(Long.class).single();
		for (String body : List.of("{\"title\":\"\",\"kind\":\"ARTICLE\",\"body\":\"x\"}",
				"{\"title\":\"t\",\"kind\":\"POEM\",\"body\":\"x\"}",
				"{\"title\":\"t\",\"kind\":\"ARTICLE\",\"body\":\"<script>alert(1)</script>\"}",
				"{\"title\":\"t\",\"kind\":\"LINK\",\"url\":\"javascript:alert(1)\"}",
				"{\"title\":\"t\",\"kind\":\"LINK\",\"url\":\"ftp://example.org/a\"}",
				"{\"title\":\"t\",\"kind\":\"VIDEO\",\"url\":\"https://example.org/v.mp4\"}",
				"{\"title\":\"t\",\"kind\":\"ARTICLE\",\"body\":\"x\",\"tags\":[\"无此标签\"]}")) {
			MvcResult r = postJson("/api/v1/learning/materials", "admin", body);
			assertThat(r.getResponse().getStatus()).as(body).isEqualTo(400);
			assertThat(body(r).get("detail").asString()).as(body).isNotBlank();
		}
		assertThat(postJson("/api/v1/learning/materials", "member1",
				"{\"title\":\"t\",\"kind\":\"ARTICLE\",\"body\":\"x\"}").getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from learning_material").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aMemberSeesOnlyMaterialsOfTheirAudienceOrPublicOnes() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		long otherOrgan = ActivityFixtures.organ(jdbc, "第二片组");
		var inside = ActivityFixtures.members(jdbc, organ, 1, "FEMALE", LocalDate.of(1985, 5, 5)).get(0);
		var outside = ActivityFixtures.members(jdbc, otherOrgan, 1, "MALE", LocalDate.of(1986, 6, 6)).get(0);
		long assigned = article("group1", "片组学习" + System.nanoTime(), "<p>第一片组的学习资料。</p>");
		long unassigned = article("group1", "未布置" + System.nanoTime(), "<p>尚未布置的资料。</p>");
		MvcResult pub = postJson("/api/v1/learning/materials", "admin", json.writeValueAsString(new MaterialRequest(
				"公开资料" + System.nanoTime(), "LINK", "会议精神解读", "https://www.gov.cn/", null, null, 2, true)));
		long open = body(pub).get("id").asLong();
		assign("group1", assigned, organ, LocalDate.now(TestClock.CLOCK).plusDays(10));

		assertThat(getAs("/api/v1/learning/materials/" + assigned, inside.bearer()).getResponse().getStatus()).isEqualTo(200);
		assertThat(getAs("/api/v1/learning/materials/" + assigned, outside.bearer()).getResponse().getStatus()).isEqualTo(404);
		assertThat(getAs("/api/v1/learning/materials/" + unassigned, inside.bearer()).getResponse().getStatus()).isEqualTo(404);
		assertThat(getAs("/api/v1/learning/materials/" + open, outside.bearer()).getResponse().getStatus()).isEqualTo(200);
		assertThat(getAs("/api/v1/learning/materials/" + assigned, "orgadmin2").getResponse().getStatus()).isEqualTo(404);

		JsonNode mine = body(getAs("/api/v1/learning/mine", inside.bearer()));
		assertThat(mine.get("todo").findValuesAsString("title")).anyMatch(t -> t.startsWith("片组学习"));
		assertThat(body(getAs("/api/v1/learning/mine", outside.bearer())).get("todo").findValuesAsString("title"))
			.noneMatch(t -> t.startsWith("片组学习"));
		JsonNode list = body(getAs("/api/v1/learning/materials?size=200", outside.bearer()));
		assertThat(list.get("content").findValues("id").stream().map(JsonNode::asLong).toList()).contains(open)
			.doesNotContain(assigned, unassigned);
		// a target outside the sender's reach is refused, and so is a material they cannot see
		assertThat(postJson("/api/v1/learning/assignments", "orgadmin1", "{\"materialIds\":[" + assigned
				+ "],\"targets\":{\"orgIds\":[" + otherOrgan + "]},\"dueDate\":\"" + LocalDate.now(TestClock.CLOCK).plusDays(3)
				+ "\"}").getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void completionIsAcceptedOnlyAfterTheReadingTimeAndGivesItsPointsOnce() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		var reader = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1990, 1, 1)).get(0);
		long id = article("admin", "学完测试" + System.nanoTime(), "<p>" + "劳动者".repeat(500) + "</p>");
		assign("admin", id, organ, LocalDate.now(TestClock.CLOCK).plusDays(7));
		assertThat(body(getAs("/api/v1/learning/materials/" + id, "admin")).get("minSeconds").asInt()).isEqualTo(180);

		MvcResult early = postJson("/api/v1/learning/materials/" + id + "/completion", reader.bearer(), "");
		assertThat(early.getResponse().getStatus()).isEqualTo(422);

		JsonNode opened = body(postJson("/api/v1/learning/materials/" + id + "/open", reader.bearer(), ""));
		assertThat(opened.get("secondsLeft").asLong()).isBetween(179L, 180L);
		openedSecondsAgo(id, reader.personId(), 120);
		MvcResult tooEarly = postJson("/api/v1/learning/materials/" + id + "/completion", reader.bearer(), "");
		assertThat(tooEarly.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(tooEarly).get("secondsLeft").asLong()).isBetween(59L, 60L);
		assertThat(body(tooEarly).get("detail").asString()).contains("秒");
		// opening again does not restart (nor shorten) the reading time
		postJson("/api/v1/learning/materials/" + id + "/open", reader.bearer(), "");
		assertThat(body(getAs("/api/v1/learning/materials/" + id, reader.bearer())).get("secondsLeft").asLong())
			.isBetween(59L, 60L);
		assertThat(jdbc.sql("select count(*) from learning_completion where material_id = :m").param("m", id)
			.query(Long.class).single()).isZero();

		openedSecondsAgo(id, reader.personId(), 181);
		JsonNode done = body(postJson("/api/v1/learning/materials/" + id + "/completion", reader.bearer(), ""));
		assertThat(done.get("earned").asBoolean()).isTrue();
		assertThat(done.get("points").asInt()).isEqualTo(1);
		JsonNode again = body(postJson("/api/v1/learning/materials/" + id + "/completion", reader.bearer(), ""));
		assertThat(again.get("earned").asBoolean()).isFalse();
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		assertThat(figures.person(reader.personId(), year).points()).isEqualTo(1);
		assertThat(figures.person(reader.personId(), year).materialsCompleted()).isEqualTo(1);
		assertThat(figures.org(organ, year).materialsCompleted()).isEqualTo(1);
		JsonNode mine = body(getAs("/api/v1/learning/mine", reader.bearer()));
		assertThat(mine.get("pointsThisYear").asInt()).isEqualTo(1);
		assertThat(mine.get("todo").findValues("materialId").stream().map(JsonNode::asLong).toList()).doesNotContain(id);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'LEARNING_COMPLETION' and object_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isOne();
	}

	@Test
	void anUploadedVideoIsServedInRanges() throws Exception {
		MvcResult r = postJson("/api/v1/learning/materials", "admin", json.writeValueAsString(new MaterialRequest(
				"视频" + System.nanoTime(), "VIDEO", "讲座录像", null, 95, null, null, true)));
		long id = body(r).get("id").asLong();
		byte[] mp4 = new byte[4096];
		byte[] head = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' };
		System.arraycopy(head, 0, mp4, 0, head.length);
		assertThat(mvc.perform(multipart("/api/v1/learning/materials/" + id + "/file")
			.file(new MockMultipartFile("file", "lecture.mp4", "video/mp4", mp4)).header("Authorization", bearer("admin")))
			.andReturn().getResponse().getStatus()).isEqualTo(201);
		assertThat(mvc.perform(multipart("/api/v1/learning/materials/" + id + "/file")
			.file(new MockMultipartFile("file", "fake.mp4", "video/mp4", "not a video".getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", bearer("admin"))).andReturn().getResponse().getStatus()).isEqualTo(400);
		MvcResult part = mvc.perform(get("/api/v1/learning/materials/" + id + "/file").header("Authorization", bearer("member1"))
			.header(HttpHeaders.RANGE, "bytes=4-11")).andReturn();
		assertThat(part.getResponse().getStatus()).isEqualTo(206);
		assertThat(part.getResponse().getHeader(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 4-11/4096");
		assertThat(new String(part.getResponse().getContentAsByteArray(), StandardCharsets.US_ASCII)).isEqualTo("ftypisom");
		assertThat(body(getAs("/api/v1/learning/materials/" + id, "member1")).get("minSeconds").asInt()).isEqualTo(95);
	}

	@Test
	void theBoardShowsTheRatePerOrganWithThePeopleNotDoneToAdminsOfThoseOrgsOnly() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		var people = ActivityFixtures.members(jdbc, organ, 2, "FEMALE", LocalDate.of(1992, 2, 2));
		long id = article("group1", "进度测试" + System.nanoTime(), "<p>进度。</p>");
		long assignment = assign("group1", id, organ, LocalDate.now(TestClock.CLOCK).plusDays(2));
		postJson("/api/v1/learning/materials/" + id + "/open", people.get(0).bearer(), "");
		openedSecondsAgo(id, people.get(0).personId(), 61);
		assertThat(postJson("/api/v1/learning/materials/" + id + "/completion", people.get(0).bearer(), "")
			.getResponse().getStatus()).isEqualTo(200);

		JsonNode board = body(getAs("/api/v1/learning/assignments/" + assignment + "/progress", "group1"));
		assertThat(board.get("rows")).hasSize(1);
		JsonNode row = board.get("rows").get(0);
		assertThat(row.get("orgId").asLong()).isEqualTo(organ);
		assertThat(row.get("people").asInt()).isEqualTo(2);
		assertThat(row.get("completed").asInt()).isEqualTo(1);
		assertThat(row.get("rate").asDouble()).isEqualTo(50.0);
		assertThat(row.get("notDone").findValues("personId").stream().map(JsonNode::asLong).toList())
			.containsExactly(people.get(1).personId());
		assertThat(body(getAs("/api/v1/learning/assignments/" + assignment + "/progress", "admin")).get("totals")
			.get("people").asInt()).isEqualTo(2);
		assertThat(getAs("/api/v1/learning/assignments/" + assignment + "/progress", "orgadmin2").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(getAs("/api/v1/learning/assignments/" + assignment + "/progress", people.get(1).bearer())
			.getResponse().getStatus()).isEqualTo(403);
		MvcResult xlsx = getAs("/api/v1/learning/assignments/" + assignment + "/progress/export", "group1");
		assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
		assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'LEARNING_PROGRESS_EXPORT' and object_id = :id")
			.param("id", String.valueOf(assignment)).query(Long.class).single()).isOne();

		// two days before the due date the one not done is reminded, once however often the job runs
		reminders.remindDueSoon();
		reminders.remindDueSoon();
		assertThat(jdbc.sql("select count(*) from notification where event_key = :k and channel = 'INBOX'")
			.param("k", "learning-assignment-" + assignment + "-due").query(Long.class).single()).isOne();
		assertThat(jdbc.sql("select recipient_account_id from notification where event_key = :k and channel = 'INBOX'")
			.param("k", "learning-assignment-" + assignment + "-due").query(Long.class).single())
			.isEqualTo(people.get(1).accountId());
	}
}
