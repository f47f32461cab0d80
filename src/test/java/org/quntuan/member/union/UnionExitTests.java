package org.quntuan.member.union;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.member.union.UnionFixtures.Person;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 退会 and 保留会籍 by the union's admins, with a reason and the person's version, each in the history; the
 * people module's edit no longer changes the union status of a registered person.
 */
class UnionExitTests extends UnionTestSupport {

	private MvcResult exit(String user, long personId, String kind, String reason, Integer version) throws Exception {
		return postJson(user, "/api/v1/union/members/" + personId + "/exit", "{\"kind\":\"%s\",\"reason\":%s,\"version\":%s}"
			.formatted(kind, reason == null ? "null" : "\"" + reason + "\"", version));
	}

	@Test
	void aMemberRetainsThenLeavesTheMembershipAndTheHistoryTellsBoth() throws Exception {
		Person p = member();
		JsonNode retained = body(expect(exit("orgadmin1", p.id(), "RETAINED", "退休，保留会籍", personVersion(p.id())), 200));
		assertThat(retained.get("status").get("code").asString()).isEqualTo("RETAINED");
		JsonNode left = body(expect(exit("orgadmin1", p.id(), "已退会", "本人申请退会", personVersion(p.id())), 200));
		assertThat(left.get("status").get("code").asString()).isEqualTo("LEFT");
		assertThat(left.get("history")).hasSize(3);
		assertThat(left.get("history").get(0).get("reason").asString()).isEqualTo("本人申请退会");
		assertThat(left.get("history").get(1).get("toStatus").get("code").asString()).isEqualTo("RETAINED");
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'UNION_MEMBERSHIP' and object_id = :id")
			.param("id", String.valueOf(p.id())).query(Long.class).single()).isEqualTo(2);
		// the person page shows it
		assertThat(mvc.perform(get("/members/" + p.id() + "/union")
			.session(login("orgadmin1"))).andReturn().getResponse().getContentAsString()).contains("本人申请退会").contains("保留会籍");
	}

	@Test
	void leavingTheOrgansThroughThePeopleModuleIsWrittenToTheUnionHistory() throws Exception {
		Person p = member();
		expect(postJson("admin", "/api/v1/members/" + p.id() + "/leave", "{\"type\":\"LEFT\",\"reason\":\"调往外省工作\",\"version\":%d}"
			.formatted(personVersion(p.id()))), 200);
		JsonNode m = membership("admin", p.id());
		assertThat(m.get("status").get("code").asString()).isEqualTo("LEFT");
		assertThat(m.get("history")).hasSize(2);
		assertThat(m.get("history").get(0).get("toStatus").get("code").asString()).isEqualTo("LEFT");
		assertThat(m.get("history").get(0).get("reason").asString()).isEqualTo("调往外省工作");
	}

	@Test
	void badExitsAreNamedAndChangeNothing() throws Exception {
		Person p = member();
		int version = personVersion(p.id());
		assertThat(body(expect(exit("orgadmin1", p.id(), "RETAINED", null, version), 400)).toString()).contains("reason");
		assertThat(body(expect(exit("orgadmin1", p.id(), "MEMBER", "x", version), 400)).toString()).contains("kind");
		expect(exit("orgadmin1", p.id(), "LEFT", "x", version - 1), 409);
		expect(exit("orgadmin2", p.id(), "LEFT", "x", version), 404);
		expect(exit("member1", p.id(), "LEFT", "x", version), 403);
		Person nonMember = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		expect(exit("orgadmin1", nonMember.id(), "LEFT", "x", personVersion(nonMember.id())), 422);
		assertThat(UnionFixtures.unionStatus(jdbc, p.id())).isEqualTo("MEMBER");
		assertThat(personVersion(p.id())).isEqualTo(version);
		assertThat(UnionFixtures.count(jdbc, "member_union_history", p.id())).isEqualTo(1);
	}

	@Test
	void thePersonEditKeepsTheUnionStatusAndRefusesToChangeIt() throws Exception {
		Person p = member();
		JsonNode person = body(expect(getJson("orgadmin1", "/api/v1/members/" + p.id()), 200));
		Map<String, Object> form = new HashMap<>();
		form.put("name", person.get("name").asString());
		form.put("idNumber", p.idNumber());
		form.put("mobile", p.username());
		form.put("politicalStatus", "MASSES");
		form.put("employmentStatus", "IN_SERVICE");
		form.put("position", "科员");
		form.put("unionStatus", "NOT_MEMBER");
		form.put("version", person.get("version").asInt());
		MvcResult refused = mvc.perform(put("/api/v1/members/" + p.id()).header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form))).andReturn();
		assertThat(refused.getResponse().getStatus()).as(refused.getResponse().getContentAsString()).isEqualTo(422);
		assertThat(UnionFixtures.unionStatus(jdbc, p.id())).isEqualTo("MEMBER");
		form.remove("unionStatus");
		MvcResult saved = mvc.perform(put("/api/v1/members/" + p.id()).header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form))).andReturn();
		assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(saved).get("unionStatus").get("code").asString()).isEqualTo("MEMBER");
		assertThat(body(saved).get("position").asString()).isEqualTo("科员");
	}
}
