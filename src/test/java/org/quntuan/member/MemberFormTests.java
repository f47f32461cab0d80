package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** The person form marks every mistake at its own field, as the API lists them all. */
class MemberFormTests extends IntegrationTest {

	private static final Map<String, String> THREE_MISTAKES = Map.of("name", "", "idNumber", "12345", "mobile", "12",
			"politicalStatus", "群众", "unionStatus", "MEMBER", "employmentStatus", "IN_SERVICE", "position", "科员");

	@Test
	void everyInvalidFieldIsMarkedWithItsOwnMessageAndNothingIsSaved() throws Exception {
		long before = jdbc.sql("select count(*) from person").query(Long.class).single();
		MockHttpServletRequestBuilder form = post("/members").session(login("orgadmin1")).with(csrf());
		THREE_MISTAKES.forEach(form::param);
		form.param("organId", String.valueOf(orgId("市财政局")));
		String page = mvc.perform(form).andReturn().getResponse().getContentAsString();

		for (String field : new String[] { "name", "idNumber", "mobile" }) {
			Matcher control = Pattern.compile("<input[^>]*id=\"" + field + "\"[^>]*>").matcher(page);
			assertThat(control.find()).as(field).isTrue();
			assertThat(control.group()).as(field).contains("is-invalid").contains("aria-describedby=\"" + field + "-error\"");
			assertThat(page).as(field).containsPattern("id=\"" + field + "-error\"[^>]*>[^<]+</div>");
		}
		assertThat(page).contains("有 3 处填写有误");
		assertThat(page).doesNotContainPattern("<select[^>]*id=\"gender\"[^>]*is-invalid");
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theApiListsTheSameMistakesEachWithItsField() throws Exception {
		Map<String, Object> p = new HashMap<>(THREE_MISTAKES);
		p.put("organId", orgId("市财政局"));
		mvc.perform(post("/api/v1/members").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(p)))
			.andExpect(MockMvcResultMatchers.status().isBadRequest())
			.andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field")
				.value(Matchers.containsInAnyOrder("name", "idNumber", "mobile")));
	}
}
