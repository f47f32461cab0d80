package org.quntuan.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.quntuan.matchmaking.MatchmakingFixtures.Single;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Requests and people the matchmaking tests share. */
abstract class MatchmakingTestSupport extends IntegrationTest {

	static final String API = "/api/v1/matchmaking";

	MvcResult send(MockHttpServletRequestBuilder request, String username, String body) throws Exception {
		request.header("Authorization", bearer(username));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request).andReturn();
	}

	MvcResult getAs(String username, String path) throws Exception {
		return send(get(API + path), username, null);
	}

	MvcResult postAs(String username, String path, String body) throws Exception {
		return send(post(API + path), username, body);
	}

	MvcResult putAs(String username, String path, String body) throws Exception {
		return send(put(API + path), username, body);
	}

	MvcResult deleteAs(String username, String path) throws Exception {
		return send(delete(API + path), username, null);
	}

	static int status(MvcResult r) {
		return r.getResponse().getStatus();
	}

	static String text(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString();
	}

	void consent(Single s) throws Exception {
		MvcResult r = postAs(s.username(), "/consents", "{\"version\":1}");
		assertThat(status(r)).as(text(r)).isEqualTo(201);
	}

	/** Consents and applies; returns the profile's id (PENDING). */
	long apply(Single s, String hometown, String hobbies, String preferences) throws Exception {
		consent(s);
		MvcResult r = putAs(s.username(), "/profile", MatchmakingFixtures.profile(s, hometown, hobbies, preferences));
		assertThat(status(r)).as(text(r)).isEqualTo(200);
		assertThat(body(r).get("status").get("code").asString()).isEqualTo("PENDING");
		return body(r).get("id").asLong();
	}

	void approve(String reviewer, long profile) throws Exception {
		MvcResult r = postAs(reviewer, "/profiles/" + profile + "/review", "{\"approve\":true}");
		assertThat(status(r)).as(text(r)).isEqualTo(204);
	}

	/** A single of the organ, applied and approved by the work committee. */
	long approvedSingle(Single s, String hometown, String hobbies, String preferences) throws Exception {
		long id = apply(s, hometown, hobbies, preferences);
		approve("admin", id);
		return id;
	}

	/** A hometown no other test uses, so that a search by it finds only this test's people. */
	static String town() {
		return "测" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}
}
