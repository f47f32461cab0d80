package org.quntuan.member.union;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import tools.jackson.databind.JsonNode;

import org.quntuan.member.union.UnionFixtures.Person;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** Requests the union membership tests share. */
abstract class UnionTestSupport extends IntegrationTest {

	MvcResult postJson(String user, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	MvcResult getJson(String user, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", bearer(user))).andReturn();
	}

	static MvcResult expect(MvcResult r, int status) throws Exception {
		if (r.getResponse().getStatus() != status) {
			throw new AssertionError("expected " + status + ", got " + r.getResponse().getStatus() + " "
					+ r.getResponse().getContentAsString());
		}
		return r;
	}

	MvcResult apply(Person p, String idNumber, boolean consent) throws Exception {
		return postJson(p.username(), "/api/v1/union/applications",
				"{\"idNumber\":\"%s\",\"consent\":%s,\"statement\":\"我志愿加入工会\"}".formatted(idNumber, consent));
	}

	long applied(Person p) throws Exception {
		return body(expect(apply(p, p.idNumber(), true), 201)).get("id").asLong();
	}

	MvcResult decide(String user, long id, boolean approve, String reason) throws Exception {
		return postJson(user, "/api/v1/union/applications/" + id + "/decision",
				"{\"approve\":" + approve + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
	}

	/** A member of 市财政局 admitted through the API, with their number. */
	Person member() throws Exception {
		Person p = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		expect(decide("orgadmin1", applied(p), true, null), 200);
		return p;
	}

	JsonNode membership(String user, long personId) throws Exception {
		return body(expect(getJson(user, "/api/v1/union/members/" + personId), 200));
	}

	int personVersion(long personId) {
		return jdbc.sql("select version from person where id = :p").param("p", personId).query(Integer.class).single();
	}
}
