package org.quntuan.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class OrganizationApiTests extends IntegrationTest {

	private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) throws Exception {
		return request.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON);
	}

	private static List<String> names(JsonNode nodes) {
		List<String> names = new ArrayList<>();
		nodes.forEach(n -> {
			names.add(n.get("name").asString());
			names.addAll(names(n.get("children")));
		});
		return names;
	}

	private long createOrgan(String group, String name) throws Exception {
		MvcResult result = mvc.perform(as("admin", post("/api/v1/orgs"))
			.content("{\"parentId\":" + orgId(group) + ",\"type\":\"ORGAN\",\"name\":\"" + name + "\"}"))
			.andExpect(status().isCreated()).andReturn();
		return body(result).get("id").asLong();
	}

	@Test
	void theFederationAdminSeesTheWholeTreeWithHeadCounts() throws Exception {
		JsonNode tree = body(mvc.perform(as("admin", get("/api/v1/orgs/tree"))).andExpect(status().isOk()).andReturn())
			.get("roots");
		assertThat(tree).hasSize(1);
		assertThat(tree.get(0).get("name").asString()).isEqualTo("市直机关工委");
		assertThat(tree.get(0).get("type").get("code").asString()).isEqualTo("COMMITTEE");
		assertThat(names(tree)).contains("第一片组", "第八片组", "市财政局", "市财政局工会", "市教育局");
		long people = jdbc.sql("select count(*) from person where active = true").query(Long.class).single();
		assertThat(tree.get(0).get("peopleCount").asLong()).isEqualTo(people);
		JsonNode root = body(mvc.perform(as("admin", get("/api/v1/orgs/" + tree.get(0).get("id").asLong()))).andReturn());
		assertThat(root.get("parentId").isNull()).isTrue();
		assertThat(root.get("children")).hasSize(8);
	}

	@Test
	void aGroupAdminSeesOnlyTheirGroupAndGets404Elsewhere() throws Exception {
		JsonNode tree = body(mvc.perform(as("group1", get("/api/v1/orgs/tree"))).andReturn()).get("roots");
		List<String> names = names(tree);
		assertThat(names).contains("第一片组", "市财政局", "市财政局工会").doesNotContain("第二片组", "市教育局", "市直机关工委");
		mvc.perform(as("group1", get("/api/v1/orgs/" + orgId("市教育局")))).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("对象不存在或无权访问"));
		mvc.perform(as("group1", get("/api/v1/orgs/" + orgId("市财政局")))).andExpect(status().isOk())
			.andExpect(jsonPath("$.children[0].type.code").exists());
	}

	@Test
	void aUnionAdminSeesTheirUnionAndOwnOrganButNotTheGroup() throws Exception {
		List<String> names = names(body(mvc.perform(as("orgadmin1", get("/api/v1/orgs/tree"))).andReturn()).get("roots"));
		assertThat(names).contains("市财政局工会", "市财政局").doesNotContain("第一片组", "市教育局工会");
		mvc.perform(as("orgadmin1", get("/api/v1/orgs/" + orgId("第一片组")))).andExpect(status().isNotFound());
	}

	@Test
	void createRenameMoveWithHistoryAndDeactivate() throws Exception {
		String name = "市测试局" + UUID.randomUUID().toString().substring(0, 6);
		long id = createOrgan("第一片组", name);
		JsonNode detail = body(mvc.perform(as("admin", get("/api/v1/orgs/" + id))).andReturn());
		assertThat(detail.get("parentName").asString()).isEqualTo("第一片组");
		int version = detail.get("version").asInt();

		mvc.perform(as("admin", put("/api/v1/orgs/" + id)).content("{\"name\":\"" + name + "（新）\",\"version\":" + version + "}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.name").value(name + "（新）"));
		mvc.perform(as("admin", put("/api/v1/orgs/" + id)).content("{\"name\":\"旧版本\",\"version\":" + version + "}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.title").value("数据冲突"));

		JsonNode moved = body(mvc.perform(as("admin", post("/api/v1/orgs/" + id + "/move"))
			.content("{\"newParentId\":" + orgId("第二片组") + ",\"effectiveDate\":\"2026-12-01\",\"reason\":\"机构改革调整片组\",\"version\":"
					+ (version + 1) + "}"))
			.andExpect(status().isOk()).andReturn());
		assertThat(moved.get("parentName").asString()).isEqualTo("第二片组");
		assertThat(moved.get("history").get(0).get("fromName").asString()).isEqualTo("第一片组");
		assertThat(moved.get("history").get(0).get("toName").asString()).isEqualTo("第二片组");
		assertThat(moved.get("history").get(0).get("reason").asString()).isEqualTo("机构改革调整片组");
		String path = jdbc.sql("select path from org where id = :id").param("id", id).query(String.class).single();
		assertThat(path).isEqualTo("/" + orgId("市直机关工委") + "/" + orgId("第二片组") + "/" + id + "/");

		// the group admin of the old group no longer sees it; the new group's admin does
		mvc.perform(as("group1", get("/api/v1/orgs/" + id))).andExpect(status().isNotFound());
		mvc.perform(as("group2", get("/api/v1/orgs/" + id))).andExpect(status().isOk());

		mvc.perform(as("admin", post("/api/v1/orgs/" + id + "/deactivate")).content("{\"version\":" + moved.get("version").asInt() + "}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
		assertThat(jdbc.sql("select count(*) from org where id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void childrenOfTheWrongTypeAndMovesIntoOwnSubtreeAreBusinessRuleFailures() throws Exception {
		mvc.perform(as("admin", post("/api/v1/orgs"))
			.content("{\"parentId\":" + orgId("市财政局工会") + ",\"type\":\"ORGAN\",\"name\":\"错误\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value("工会下不能设立单位"));
		JsonNode group = body(mvc.perform(as("admin", get("/api/v1/orgs/" + orgId("第三片组")))).andReturn());
		long organInside = group.get("children").get(0).get("id").asLong();
		mvc.perform(as("admin", post("/api/v1/orgs/" + orgId("第三片组") + "/move"))
			.content("{\"newParentId\":" + organInside + ",\"reason\":\"循环\",\"version\":" + group.get("version").asInt() + "}"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void anOrganWithPeopleCannotBeDeactivated() throws Exception {
		long organ = orgId("市财政局");
		JsonNode d = body(mvc.perform(as("admin", get("/api/v1/orgs/" + organ))).andReturn());
		mvc.perform(as("admin", post("/api/v1/orgs/" + organ + "/deactivate")).content("{\"version\":" + d.get("version").asInt() + "}"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aGroupAdminMayNotMoveAnOrganToAnotherGroup() throws Exception {
		long id = createOrgan("第一片组", "市移动测试局" + UUID.randomUUID().toString().substring(0, 6));
		mvc.perform(as("group1", post("/api/v1/orgs/" + id + "/move"))
			.content("{\"newParentId\":" + orgId("第二片组") + ",\"reason\":\"越权\",\"version\":0}"))
			.andExpect(status().isNotFound());
		mvc.perform(as("member1", post("/api/v1/orgs"))
			.content("{\"parentId\":" + orgId("市财政局") + ",\"type\":\"UNION\",\"name\":\"越权工会\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void malformedJsonUnknownFieldsAndMissingFieldsAre400Problems() throws Exception {
		long before = jdbc.sql("select count(*) from org").query(Long.class).single();
		mvc.perform(as("admin", post("/api/v1/orgs")).content("{\"parentId\": 1, \"name\": "))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("请求格式错误"));
		mvc.perform(as("admin", post("/api/v1/orgs"))
			.content("{\"parentId\":" + orgId("第一片组") + ",\"type\":\"ORGAN\",\"name\":\"x\",\"admin\":true}"))
			.andExpect(status().isBadRequest());
		mvc.perform(as("admin", post("/api/v1/orgs")).content("{\"type\":\"ORGAN\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").exists());
		mvc.perform(as("admin", post("/api/v1/orgs")).contentType(MediaType.TEXT_PLAIN).content("name=x"))
			.andExpect(status().isUnsupportedMediaType());
		assertThat(jdbc.sql("select count(*) from org").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void scriptAndSqlInANameAreStoredAsTextAndShownEscaped() throws Exception {
		String evil = "<script>alert(1)</script>'; drop table org; --";
		MvcResult created = mvc.perform(as("admin", post("/api/v1/orgs"))
			.content(json.writeValueAsString(Map.of("parentId", orgId("第一片组"), "type", "单位", "name", evil))))
			.andExpect(status().isCreated()).andReturn();
		long id = body(created).get("id").asLong();
		assertThat(body(created).get("name").asString()).isEqualTo(evil);
		mvc.perform(get("/orgs/" + id).session(login("admin"))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))));
	}

	@Test
	void theTreeSpeaksChineseByDefaultAndEnglishOnRequest() throws Exception {
		var session = login("admin");
		String zh = mvc.perform(get("/orgs").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(zh).contains("组织架构").contains(">片组<");
		// a group's branch (its organs and their unions) is drawn when opened
		String branch = "/orgs/" + orgId("第一片组") + "/branch";
		assertThat(mvc.perform(get(branch).session(session)).andReturn().getResponse().getContentAsString())
			.contains("市财政局").contains(">单位<");
		assertThat(mvc.perform(get("/orgs/" + orgId("市财政局") + "/branch").session(session)).andReturn().getResponse()
			.getContentAsString()).contains("市财政局工会").contains(">工会<");
		String en = mvc.perform(get("/orgs").param("lang", "en").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(en).contains("Organizations").contains(">Group<").doesNotContain(">片组<");
		assertThat(mvc.perform(get("/orgs/" + orgId("市财政局") + "/branch").param("lang", "en").session(session)).andReturn()
			.getResponse().getContentAsString()).contains(">Trade union<");
	}

	private MvcResult createChild(String user, long parentId, String type, String name, boolean allowDuplicate) throws Exception {
		return mvc.perform(as(user, post("/api/v1/orgs")).content("{\"parentId\":" + parentId + ",\"type\":\"" + type
				+ "\",\"name\":\"" + name + "\"" + (allowDuplicate ? ",\"allowDuplicate\":true" : "") + "}")).andReturn();
	}

	@Test
	void anOrganHasOneUnionUnlessTheFederationAdminConfirmsASecondOnPurpose() throws Exception {
		String organName = "市一会局" + UUID.randomUUID().toString().substring(0, 6);
		long organ = createOrgan("第一片组", organName);
		assertThat(createChild("admin", organ, "UNION", organName + "工会", false).getResponse().getStatus()).isEqualTo(201);
		assertThat(createChild("admin", organ, "LEAGUE", organName + "团支部", false).getResponse().getStatus()).isEqualTo(201);

		MvcResult second = createChild("admin", organ, "UNION", organName + "第二工会", false);
		assertThat(second.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(second).get("detail").asString()).contains(organName + "已有工会", "一个单位只设一个工会");
		assertThat(createChild("group1", organ, "UNION", organName + "第二工会", true).getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from org where parent_id = :p and type = 'UNION'").param("p", organ)
			.query(Long.class).single()).isEqualTo(1);

		MvcResult confirmed = createChild("admin", organ, "UNION", organName + "第二工会", true);
		assertThat(confirmed.getResponse().getStatus()).isEqualTo(201);
		assertThat(jdbc.sql("select detail from audit_event where object_type = 'ORG' and object_id = :id")
			.param("id", String.valueOf(body(confirmed).get("id").asLong())).query(String.class).list())
			.anyMatch(d -> d.contains("经工委管理员确认"));
	}

	@Test
	void aUnionIsNotMovedIntoAnOrganThatAlreadyHasOne() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long target = createOrgan("第一片组", "市二会局" + suffix);
		createChild("admin", target, "UNION", "市二会局工会" + suffix, false);
		long other = createOrgan("第一片组", "市三会局" + suffix);
		long union = body(createChild("admin", other, "UNION", "市三会局工会" + suffix, false)).get("id").asLong();
		int version = body(mvc.perform(as("admin", get("/api/v1/orgs/" + union))).andReturn()).get("version").asInt();

		MvcResult moved = mvc.perform(as("admin", post("/api/v1/orgs/" + union + "/move"))
			.content("{\"newParentId\":" + target + ",\"reason\":\"机构合并\",\"version\":" + version + "}")).andReturn();
		assertThat(moved.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(moved).get("detail").asString()).contains("一个单位只设一个工会");
		assertThat(jdbc.sql("select parent_id from org where id = :id").param("id", union).query(Long.class).single())
			.isEqualTo(other);
	}

	@Test
	void theOrgPageSaysWhyASecondUnionIsRefused() throws Exception {
		String organName = "市四会局" + UUID.randomUUID().toString().substring(0, 6);
		long organ = createOrgan("第一片组", organName);
		createChild("admin", organ, "UNION", organName + "工会", false);
		var session = login("admin");
		MvcResult r = mvc.perform(post("/orgs/" + organ + "/children").session(session)
			.with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("type", "UNION").param("name", organName + "第二工会")).andReturn();
		assertThat((String) r.getFlashMap().get("error")).contains("一个单位只设一个工会");
		assertThat(mvc.perform(get("/orgs/" + organ).session(session)).andReturn().getResponse().getContentAsString())
			.contains("id=\"child-allow-duplicate\"");
	}
}
