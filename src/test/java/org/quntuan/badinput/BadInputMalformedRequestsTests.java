package org.quntuan.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Requests the API cannot read: each gets a Chinese ProblemDetail with a 4xx status, and nothing is written. */
class BadInputMalformedRequestsTests extends BadInputTest {

	private MvcResult send(MockHttpServletRequestBuilder request, MediaType type, String body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer("admin")).contentType(type).content(body)).andReturn();
	}

	private MvcResult json(MockHttpServletRequestBuilder request, String body) throws Exception {
		return send(request, MediaType.APPLICATION_JSON, body);
	}

	private String validPerson() {
		return json.writeValueAsString(newPerson(orgId("市财政局")));
	}

	@Test
	void malformedJsonIsA400() throws Exception {
		Map<String, Long> before = rows();
		long org = orgId("市财政局");
		for (String body : new String[] { "{", "{\"name\":", "{'name':'x'}", "nul", "{\"name\":\"x\",}", "\u0000", "" }) {
			assertChineseProblem(json(post("/api/v1/members"), body), 400);
			assertChineseProblem(json(put("/api/v1/orgs/" + org), body), 400);
			assertChineseProblem(json(post("/api/v1/orgs"), body), 400);
		}
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void anArrayOrAScalarWhereAnObjectIsExpectedIsA400() throws Exception {
		Map<String, Long> before = rows();
		assertChineseProblem(json(post("/api/v1/members"), "[" + validPerson() + "]"), 400);
		assertChineseProblem(json(post("/api/v1/members"), "\"text\""), 400);
		assertChineseProblem(json(post("/api/v1/members"), "42"), 400);
		assertChineseProblem(json(post("/api/v1/orgs"), "[]"), 400);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void anOversizeBodyIsRefusedWithoutWriting() throws Exception {
		Map<String, Long> before = rows();
		long org = orgId("市财政局");
		String huge = "名".repeat(2 * 1024 * 1024);
		Map<String, Object> person = newPerson(org);
		person.put("name", huge);
		MvcResult result = json(post("/api/v1/members"), json.writeValueAsString(person));
		assertThat(result.getResponse().getStatus()).isBetween(400, 499);
		assertChineseProblem(result, result.getResponse().getStatus());
		assertChineseProblem(json(post("/api/v1/orgs"),
				json.writeValueAsString(Map.of("parentId", org, "type", "CLUB", "name", huge))), 400);
		assertChineseProblem(json(put("/api/v1/orgs/" + org),
				json.writeValueAsString(Map.of("name", huge, "version", orgVersion(org)))), 400);
		assertThat(orgName(org)).isEqualTo("市财政局");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void unknownFieldsAreRefused() throws Exception {
		Map<String, Long> before = rows();
		Map<String, Object> person = newPerson(orgId("市财政局"));
		person.put("id", 1);
		person.put("active", false);
		assertChineseProblem(json(post("/api/v1/members"), json.writeValueAsString(person)), 400);
		long org = orgId("市财政局");
		assertChineseProblem(json(put("/api/v1/orgs/" + org),
				"{\"name\":\"改名\",\"version\":" + orgVersion(org) + ",\"path\":\"/\"}"), 400);
		assertThat(orgName(org)).isEqualTo("市财政局");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void wrongTypesAreRefused() throws Exception {
		Map<String, Long> before = rows();
		Map<String, Object> person = newPerson(orgId("市财政局"));
		person.put("organId", "市财政局");
		assertChineseProblem(json(post("/api/v1/members"), json.writeValueAsString(person)), 400);
		person = newPerson(orgId("市财政局"));
		person.put("birthDate", "去年");
		assertChineseProblem(json(post("/api/v1/members"), json.writeValueAsString(person)), 400);
		long org = orgId("市财政局");
		assertChineseProblem(json(put("/api/v1/orgs/" + org), "{\"name\":\"改名\",\"version\":\"最新\"}"), 400);
		assertChineseProblem(json(put("/api/v1/orgs/" + org), "{\"name\":{\"a\":1},\"version\":0}"), 400);
		assertChineseProblem(json(post("/api/v1/orgs/" + org + "/move"),
				"{\"newParentId\":\"abc\",\"reason\":\"x\",\"version\":0}"), 400);
		assertChineseProblem(mvc.perform(get("/api/v1/orgs/not-a-number").header("Authorization", bearer("admin")))
			.andReturn(), 400);
		assertChineseProblem(mvc.perform(get("/api/v1/members?page=abc").header("Authorization", bearer("admin")))
			.andReturn(), 400);
		assertThat(orgName(org)).isEqualTo("市财政局");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void missingRequiredFieldsAreNamed() throws Exception {
		Map<String, Long> before = rows();
		long org = orgId("市财政局");
		MvcResult person = json(post("/api/v1/members"), "{}");
		assertChineseProblem(person, 400);
		MvcResult create = json(post("/api/v1/orgs"), "{\"type\":\"CLUB\"}");
		assertChineseProblem(create, 400);
		assertThat(create.getResponse().getContentAsString()).contains("请选择上级组织", "请填写组织名称");
		assertChineseProblem(json(put("/api/v1/orgs/" + org), "{\"name\":\"改名\"}"), 400);
		assertChineseProblem(json(post("/api/v1/members/" + personOf("member1") + "/transfer"), "{}"), 400);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void wrongContentTypesAreA415() throws Exception {
		Map<String, Long> before = rows();
		assertChineseProblem(send(post("/api/v1/members"), MediaType.TEXT_PLAIN, validPerson()), 415);
		assertChineseProblem(send(post("/api/v1/members"), MediaType.APPLICATION_FORM_URLENCODED, "name=x"), 415);
		assertChineseProblem(send(post("/api/v1/members"), MediaType.APPLICATION_XML, "<person/>"), 415);
		assertChineseProblem(send(post("/api/v1/orgs"), MediaType.TEXT_PLAIN, "{}"), 415);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void controlCharactersNeverCauseAServerErrorNorReachTheDatabase() throws Exception {
		// PostgreSQL refuses a NUL in text: it must not get that far. In a name it is refused (a name is one
		// line of visible characters); in other texts it is dropped.
		Map<String, Object> person = newPerson(orgId("市财政局"));
		String name = (String) person.get("name");
		person.put("name", "张\u0000三" + name);
		MvcResult refused = json(post("/api/v1/members"), json.writeValueAsString(person));
		assertChineseProblem(refused, 400);
		assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("name");
		person.put("name", "张三" + name);
		person.put("position", "科\u0000员\u0007");
		MvcResult result = json(post("/api/v1/members"), json.writeValueAsString(person));
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		Map<String, Object> stored = jdbc.sql("select name, position from person where id = :id")
			.param("id", body(result).get("id").asLong()).query().singleRow();
		assertThat(stored.get("name")).isEqualTo("张三" + name);
		assertThat(stored.get("position")).isEqualTo("科员");

		Map<String, Long> before = rows();
		MvcResult query = mvc.perform(get("/api/v1/members").param("q", "张\u0000").header("Authorization", bearer("admin")))
			.andReturn();
		assertThat(query.getResponse().getStatus()).isEqualTo(200);
		MvcResult audit = mvc.perform(get("/api/v1/audit-log").param("actor", "a\u0000b").header("Authorization", bearer("admin")))
			.andReturn();
		assertThat(audit.getResponse().getStatus()).isEqualTo(200);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void wrongMethodsAreA405() throws Exception {
		Map<String, Long> before = rows();
		long org = orgId("市财政局");
		assertChineseProblem(mvc.perform(delete("/api/v1/orgs/" + org).header("Authorization", bearer("admin"))).andReturn(), 405);
		assertChineseProblem(mvc.perform(delete("/api/v1/members/" + personOf("member1")).header("Authorization", bearer("admin")))
			.andReturn(), 405);
		assertChineseProblem(json(put("/api/v1/members"), validPerson()), 405);
		assertChineseProblem(json(post("/api/v1/audit-log"), "{}"), 405);
		assertThat(rows()).isEqualTo(before);
	}
}
