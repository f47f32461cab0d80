package org.quntuan.governance.votes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The creation form: an org admin makes a vote for their union from the page (times in Shanghai, one option
 * a line), and a form with a missing subject comes back with the problem named and no vote made.
 */
class VotePageTests extends IntegrationTest {

	private int votes() {
		return jdbc.sql("select count(*) from gov_vote").query(Integer.class).single();
	}

	@Test
	void anOrgAdminMakesAVoteFromTheFormAndABadFormMakesNone() throws Exception {
		MockHttpSession session = login("orgadmin1");
		long union = jdbc.sql("select u.id from org u join org o on o.id = u.parent_id where o.name = '市财政局' and u.type = 'UNION'")
			.query(Long.class).single();
		String form = new String(mvc.perform(get("/votes/new").session(session)).andReturn().getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(form).contains("value=\"" + union + "\"");
		LocalDateTime now = LocalDateTime.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).truncatedTo(ChronoUnit.MINUTES);
		String title = "工会小组长选举" + System.nanoTime() % 100000;
		MvcResult made = mvc.perform(post("/votes").session(session).with(csrf()).param("title", title)
			.param("orgId", String.valueOf(union)).param("options", "王芳\r\n\r\n赵磊\r\n")
			.param("opensAt", now.toString()).param("closesAt", now.plusDays(3).toString()).param("secret", "true")
			.param("maxChoices", "1")).andReturn();
		assertThat(made.getResponse().getRedirectedUrl()).matches("/votes/\\d+");
		long id = Long.parseLong(made.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		assertThat(jdbc.sql("select label from gov_vote_option where vote_id = :v order by position").param("v", id)
			.query(String.class).list()).containsExactly("王芳", "赵磊");
		assertThat(jdbc.sql("select secret from gov_vote where id = :v").param("v", id).query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select closes_at from gov_vote where id = :v").param("v", id)
			.query(OffsetDateTime.class).single().toInstant())
			.isEqualTo(now.plusDays(3).atZone(Zones.BUSINESS).toInstant());

		int before = votes();
		MvcResult bad = mvc.perform(post("/votes").session(session).with(csrf()).param("title", " ")
			.param("orgId", String.valueOf(union)).param("options", "是\n否").param("opensAt", now.toString())
			.param("closesAt", "tomorrow")).andReturn();
		assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/votes/new");
		assertThat(String.valueOf(bad.getFlashMap().get("error"))).contains("时间格式不正确");
		assertThat(votes()).isEqualTo(before);
	}
}
