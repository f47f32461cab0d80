package org.quntuan.learning.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The federation keeps the topic tags; renaming and retiring never take a tag off what carries it. */
class TopicTagTests extends IntegrationTest {

	private MvcResult send(String method, String url, String who, String body) throws Exception {
		var request = method.equals("PUT") ? put(url) : post(url);
		return mvc.perform(request.header("Authorization", bearer(who)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private static String unique(String prefix) {
		return prefix + (System.nanoTime() % 1_000_000_000L);
	}

	private long tag(String name) throws Exception {
		MvcResult r = send("POST", "/api/v1/learning/tags", "admin", "{\"name\":\"" + name + "\"}");
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private long article(String title, String tag) throws Exception {
		MvcResult r = send("POST", "/api/v1/learning/materials", "admin", json.writeValueAsString(new MaterialRequest(title,
				"ARTICLE", "<p>学习《中华人民共和国工会法》。</p>", null, null, List.of(tag), null, null)));
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private List<String> tagsOf(long material) throws Exception {
		JsonNode m = body(mvc.perform(get("/api/v1/learning/materials/" + material).header("Authorization", bearer("admin")))
			.andReturn());
		List<String> names = new ArrayList<>();
		m.get("tags").forEach(n -> names.add(n.asString()));
		return names;
	}

	private long audits(long tagId) {
		return jdbc.sql("select count(*) from audit_event where object_type = 'LEARNING_TAG' and object_id = :id")
			.param("id", String.valueOf(tagId)).query(Long.class).single();
	}

	@Test
	void theFederationAddsATagAndNobodyElseMay() throws Exception {
		String name = unique("新标签");
		long id = tag(name);
		assertThat(audits(id)).isEqualTo(1);
		JsonNode all = body(mvc.perform(get("/api/v1/learning/tags").header("Authorization", bearer("member1"))).andReturn());
		assertThat(all.findValuesAsString("name")).contains(name, "理论学习", "法律法规", "会议精神");

		MvcResult twice = send("POST", "/api/v1/learning/tags", "admin", "{\"name\":\"" + name + "\"}");
		assertThat(twice.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(twice).get("detail").asString()).contains(name);
		assertThat(send("POST", "/api/v1/learning/tags", "admin", "{\"name\":\" \"}").getResponse().getStatus()).isEqualTo(400);
		assertThat(send("POST", "/api/v1/learning/tags", "admin", "{\"name\":\"法律、法规\"}").getResponse().getStatus())
			.isEqualTo(400);
		assertThat(send("POST", "/api/v1/learning/tags", "orgadmin1", "{\"name\":\"" + unique("越权") + "\"}")
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(send("PUT", "/api/v1/learning/tags/" + id, "group1", "{\"name\":\"" + unique("越权") + "\"}")
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from learning_tag where name like '越权%'").query(Long.class).single()).isZero();
	}

	@Test
	void aRenamedTagStaysOnItsMaterialsAndQuestionsUnderItsNewName() throws Exception {
		String before = unique("旧名");
		long id = tag(before);
		long material = article(unique("改名测试"), before);
		long bank = body(send("POST", "/api/v1/question-banks", "admin", "{\"name\":\"" + unique("标签题库") + "\"}"))
			.get("id").asLong();
		MvcResult q = send("POST", "/api/v1/question-banks/" + bank + "/questions", "admin",
				"{\"type\":\"判断\",\"text\":\"工会是职工自愿结合的工人阶级的群众组织。\",\"answer\":\"对\",\"score\":2,"
						+ "\"tags\":\"工会知识," + before + "\"}");
		assertThat(q.getResponse().getStatus()).as(q.getResponse().getContentAsString()).isEqualTo(201);

		String after = unique("新名");
		MvcResult renamed = send("PUT", "/api/v1/learning/tags/" + id, "admin", "{\"name\":\"" + after + "\"}");
		assertThat(renamed.getResponse().getStatus()).as(renamed.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(tagsOf(material)).containsExactly(after);
		assertThat(jdbc.sql("select tags from quiz_question where bank_id = :b").param("b", bank).query(String.class).single())
			.isEqualTo("工会知识," + after);
		assertThat(audits(id)).isEqualTo(2);
		// a name another tag has is refused, and nothing changes
		MvcResult clash = send("PUT", "/api/v1/learning/tags/" + id, "admin", "{\"name\":\"法律法规\"}");
		assertThat(clash.getResponse().getStatus()).isEqualTo(422);
		assertThat(tagsOf(material)).containsExactly(after);
	}

	@Test
	void aRetiredTagIsNoLongerOfferedButStaysOnTheMaterialsThatHaveIt() throws Exception {
		String name = unique("停用");
		long id = tag(name);
		long material = article(unique("停用测试"), name);
		MockHttpSession federation = login("admin");
		MvcResult retired = mvc.perform(post("/learning/tags/" + id + "/active").session(federation).with(csrf())
			.param("active", "false")).andReturn();
		assertThat(retired.getFlashMap().get("success")).isNotNull();
		assertThat(jdbc.sql("select active from learning_tag where id = :id").param("id", id).query(Boolean.class).single())
			.isFalse();

		assertThat(tagsOf(material)).containsExactly(name);
		assertThat(mvc.perform(get("/learning/materials/new").session(federation)).andReturn().getResponse()
			.getContentAsString()).doesNotContain(name).contains("法律法规");
		MvcResult refused = send("POST", "/api/v1/learning/materials", "admin", json.writeValueAsString(new MaterialRequest(
				unique("用停用标签"), "ARTICLE", "<p>正文</p>", null, null, List.of(name), null, null)));
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(refused).get("detail").asString()).contains(name);

		String page = mvc.perform(get("/learning/tags").session(federation)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("tag-row-" + id, name, "data-confirm");
		assertThat(mvc.perform(get("/learning/tags").session(login("orgadmin1"))).andReturn().getResponse().getStatus())
			.isEqualTo(403);

		MvcResult restored = send("PUT", "/api/v1/learning/tags/" + id, "admin", "{\"active\":true}");
		assertThat(body(restored).get("active").asBoolean()).isTrue();
		assertThat(audits(id)).isEqualTo(3);
	}
}
