package org.quntuan.learning.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.learning.StudyFigures;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** A material's publisher edits it (its body cleaned again) or withdraws it; earned completions keep their points. */
class MaterialEditTests extends IntegrationTest {

	@Autowired
	StudyFigures figures;

	private MvcResult send(String method, String url, String who, String body) throws Exception {
		var request = method.equals("PUT") ? put(url) : post(url);
		return mvc.perform(request.header("Authorization", who.startsWith("Bearer ") ? who : bearer(who))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
	}

	private JsonNode read(long id, String who) throws Exception {
		return body(mvc.perform(get("/api/v1/learning/materials/" + id).header("Authorization",
				who.startsWith("Bearer ") ? who : bearer(who))).andReturn());
	}

	private long article(String who, String title) throws Exception {
		MvcResult r = send("POST", "/api/v1/learning/materials", who, json.writeValueAsString(new MaterialRequest(title,
				"ARTICLE", "<p>职工依法参加和组织工会的权利，任何组织和个人不得阻挠和限制。</p>", null, null, List.of("法律法规"), 3,
				null)));
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private void assign(String who, long material, long organ) throws Exception {
		MvcResult r = send("POST", "/api/v1/learning/assignments", who, "{\"materialIds\":[" + material
				+ "],\"targets\":{\"orgIds\":[" + organ + "]},\"dueDate\":\"" + LocalDate.now(TestClock.CLOCK).plusDays(9) + "\"}");
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
	}

	private void completes(long material, ActivityFixtures.Member who) throws Exception {
		send("POST", "/api/v1/learning/materials/" + material + "/open", who.bearer(), "");
		jdbc.sql("update learning_open set opened_at = :t where material_id = :m and person_id = :p")
			.param("t", OffsetDateTime.now(TestClock.CLOCK).minusHours(1)).param("m", material).param("p", who.personId())
			.update();
		assertThat(send("POST", "/api/v1/learning/materials/" + material + "/completion", who.bearer(), "").getResponse()
			.getStatus()).isEqualTo(200);
	}

	private List<Long> todo(ActivityFixtures.Member who) throws Exception {
		JsonNode mine = body(mvc.perform(get("/api/v1/learning/mine").header("Authorization", who.bearer())).andReturn());
		List<Long> ids = new ArrayList<>();
		mine.get("todo").forEach(t -> ids.add(t.get("materialId").asLong()));
		return ids;
	}

	private long audits(long material, String type) {
		return jdbc.sql("select count(*) from audit_event where object_type = 'LEARNING_MATERIAL' and object_id = :id"
				+ " and type = :t").param("id", String.valueOf(material)).param("t", type).query(Long.class).single();
	}

	@Test
	void thePublisherEditsTitleBodyAndTagsAndTheBodyIsCleanedAgain() throws Exception {
		long id = article("group1", "编辑前" + System.nanoTime());
		int version = read(id, "group1").get("version").asInt();
		String title = "编辑后" + System.nanoTime();
		MvcResult edited = send("PUT", "/api/v1/learning/materials/" + id, "group1", "{\"title\":\"" + title
				+ "\",\"body\":\"<p onmouseover=\\\"alert(1)\\\">" + "新修订的工会法".repeat(300)
				+ "</p><script>alert(2)</script><a href=\\\"javascript:alert(3)\\\">x</a>\",\"tags\":[\"会议精神\",\"法律法规\"],"
				+ "\"version\":" + version + "}");
		assertThat(edited.getResponse().getStatus()).as(edited.getResponse().getContentAsString()).isEqualTo(200);
		JsonNode m = read(id, "group1");
		assertThat(m.get("title").asString()).isEqualTo(title);
		assertThat(m.get("body").asString()).contains("新修订的工会法").doesNotContain("alert", "script", "onmouseover",
				"javascript:");
		assertThat(m.get("tags").toString()).contains("法律法规", "会议精神");
		assertThat(m.get("minSeconds").asInt()).isGreaterThan(60);
		assertThat(audits(id, "UPDATE")).isOne();

		// a stale version, a blank title, someone else's material: refused, nothing changes
		assertThat(send("PUT", "/api/v1/learning/materials/" + id, "group1", "{\"title\":\"又改\",\"body\":\"<p>x</p>\","
				+ "\"version\":" + version + "}").getResponse().getStatus()).isEqualTo(409);
		MvcResult blank = send("PUT", "/api/v1/learning/materials/" + id, "group1", "{\"title\":\" \",\"body\":\"<p>x</p>\"}");
		assertThat(blank.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(blank).get("detail").asString()).contains("标题");
		assertThat(send("PUT", "/api/v1/learning/materials/" + id, "orgadmin2", "{\"title\":\"越权\",\"body\":\"<p>x</p>\"}")
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(read(id, "group1").get("title").asString()).isEqualTo(title);
		assertThat(audits(id, "UPDATE")).isOne();
	}

	@Test
	void aWithdrawnMaterialLeavesTheListsOfThoseNotDoneButTheDoneKeepTheirPoints() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		var people = ActivityFixtures.members(jdbc, organ, 2, "MALE", LocalDate.of(1988, 8, 8));
		var done = people.get(0);
		var notDone = people.get(1);
		long id = article("admin", "撤回测试" + System.nanoTime());
		assign("admin", id, organ);
		completes(id, done);
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		int pointsBefore = figures.person(done.personId(), year).points();
		assertThat(todo(notDone)).contains(id);

		MvcResult withdrawn = send("POST", "/api/v1/learning/materials/" + id + "/withdrawal", "admin", "");
		assertThat(withdrawn.getResponse().getStatus()).as(withdrawn.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(withdrawn).get("withdrawnAt").isNull()).isFalse();
		assertThat(audits(id, "WITHDRAW")).isOne();

		assertThat(todo(notDone)).doesNotContain(id);
		assertThat(mvc.perform(get("/api/v1/learning/materials/" + id).header("Authorization", notDone.bearer())).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(send("POST", "/api/v1/learning/materials/" + id + "/completion", notDone.bearer(), "").getResponse()
			.getStatus()).isEqualTo(404);
		JsonNode mine = body(mvc.perform(get("/api/v1/learning/mine").header("Authorization", done.bearer())).andReturn());
		assertThat(mine.get("done").findValues("materialId").stream().map(JsonNode::asLong).toList()).contains(id);
		assertThat(figures.person(done.personId(), year).points()).isEqualTo(pointsBefore).isGreaterThanOrEqualTo(3);
		assertThat(read(id, done.bearer()).get("completedAt").isNull()).isFalse();

		// it cannot be assigned again, edited, or withdrawn twice
		MvcResult again = send("POST", "/api/v1/learning/assignments", "admin", "{\"materialIds\":[" + id
				+ "],\"targets\":{\"orgIds\":[" + organ + "]},\"dueDate\":\"" + LocalDate.now(TestClock.CLOCK).plusDays(9) + "\"}");
		assertThat(again.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(again).get("detail").asString()).contains("已撤回");
		assertThat(send("PUT", "/api/v1/learning/materials/" + id, "admin", "{\"title\":\"t\",\"body\":\"<p>x</p>\"}")
			.getResponse().getStatus()).isEqualTo(422);
		MvcResult twice = send("POST", "/api/v1/learning/materials/" + id + "/withdrawal", "admin", "");
		assertThat(twice.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(twice).get("type")).isNotNull();
		assertThat(audits(id, "WITHDRAW")).isOne();
	}

	@Test
	void onThePageTheManagerEditsAndWithdrawsAfterConfirming() throws Exception {
		MockHttpSession orgadmin = login("orgadmin1");
		long id = article("orgadmin1", "页面编辑" + System.nanoTime());
		String page = mvc.perform(get("/learning/materials/" + id).session(orgadmin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"material-edit\"", "id=\"material-withdraw\"", "data-confirm=\"撤回「页面编辑");
		String form = mvc.perform(get("/learning/materials/" + id + "/edit").session(orgadmin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(form).contains("material-edit-form", "name=\"version\"", "职工依法参加和组织工会的权利");
		MvcResult saved = mvc.perform(post("/learning/materials/" + id + "/edit").session(orgadmin).with(csrf())
			.param("title", "页面已编辑").param("body", "<p>修订后的正文</p>").param("tags", "理论学习")
			.param("version", "0")).andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).as(String.valueOf(saved.getFlashMap().get("error")))
			.isEqualTo("/learning/materials/" + id);
		assertThat(read(id, "orgadmin1").get("tags").toString()).contains("理论学习").doesNotContain("法律法规");
		MvcResult withdrawn = mvc.perform(post("/learning/materials/" + id + "/withdrawal").session(orgadmin).with(csrf())
			.param("version", "1")).andReturn();
		assertThat(withdrawn.getFlashMap().get("success")).as(String.valueOf(withdrawn.getFlashMap().get("error")))
			.isNotNull();
		assertThat(mvc.perform(get("/learning/materials/" + id).session(orgadmin)).andReturn().getResponse()
			.getContentAsString()).contains("material-withdrawn").doesNotContain("id=\"material-withdraw\"");
		assertThat(mvc.perform(get("/learning/materials/" + id).session(login("member1"))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		// and the assignment form no longer offers it
		assertThat(mvc.perform(get("/learning/assignments/new").session(orgadmin)).andReturn().getResponse()
			.getContentAsString()).contains("name=\"materialIds\"").doesNotContain("id=\"material-" + id + "\"");
	}
}
