package org.quntuan.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every error under /api is a ProblemDetail with its real status, including the paths nobody mapped
 * and the error endpoint itself (Spring Boot's answered {@code "status": 999} and a 500 there).
 */
class BadInputUnknownPathsTests extends BadInputTest {

	@Test
	void anUnknownApiPathIsA404ProblemForEveryMethod() throws Exception {
		MvcResult read = mvc.perform(get("/api/v1/no-such-thing").header("Authorization", bearer("admin"))).andReturn();
		assertChineseProblem(read, 404);
		assertThat(body(read).get("status").asInt()).isEqualTo(404);
		assertThat(body(read).has("timestamp")).isFalse();
		MvcResult write = mvc.perform(post("/api/v1/no-such-thing").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
		assertChineseProblem(write, 404);
		assertThat(write.getResponse().getHeader("Allow")).isNull();
	}

	@Test
	void aWrongMethodOnAKnownPathStaysA405() throws Exception {
		assertChineseProblem(mvc.perform(post("/api/v1/orgs/tree").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn(), 405);
	}

	@Test
	void theErrorEndpointRequestedDirectlyIsA404NeverStatus999() throws Exception {
		MvcResult problem = mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andReturn();
		assertChineseProblem(problem, 404);
		assertThat(body(problem).get("status").asInt()).isEqualTo(404);
		MvcResult page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(404);
		assertThat(page.getResponse().getContentAsString()).contains("出错了");
	}
}
