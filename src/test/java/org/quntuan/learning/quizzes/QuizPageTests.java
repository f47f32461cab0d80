package org.quntuan.learning.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The pages a member takes a competition on: the list, the paper (no answers in it), saving, handing in, the result. */
class QuizPageTests extends IntegrationTest {

	@Test
	void aMemberTakesACompetitionOnThePagesAndSeesTheScoreAndTheLeaderboard() throws Exception {
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		long bank = QuizFixtures.bank(mvc, json, bearer("orgadmin1"), "页面题库" + System.nanoTime(),
				QuizFixtures.questions("页面", 3, 0, 0));
		String title = "页面竞赛" + System.nanoTime();
		long quiz = QuizFixtures.quiz(mvc, json, bearer("orgadmin1"), QuizFixtures.quizBody(title, bank,
				List.of(orgId("市财政局工会")), now.minusHours(1), now.plusHours(1), 300, 3, 2, 0, 0));
		MockHttpSession session = login("member1");
		String list = mvc.perform(get("/quizzes").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(title);

		MvcResult start = mvc.perform(post("/quizzes/" + quiz + "/start").session(session).with(csrf())).andReturn();
		String target = start.getResponse().getRedirectedUrl();
		assertThat(target).startsWith("/quizzes/attempts/");
		long attempt = Long.parseLong(target.substring(target.lastIndexOf('/') + 1));
		String paper = mvc.perform(get(target).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(paper).contains("quiz-countdown").doesNotContain("解析-");

		List<Long> questions = jdbc.sql("select question_id from quiz_attempt_question where attempt_id = :a order by shown_order")
			.param("a", attempt).query(Long.class).list();
		String[] first = jdbc.sql("select aq.option_order, q.answer from quiz_attempt_question aq join quiz_question q"
				+ " on q.id = aq.question_id where aq.attempt_id = :a and aq.question_id = :q").param("a", attempt)
			.param("q", questions.get(0)).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		String right = String.valueOf("ABCDEF".charAt(first[0].indexOf(first[1])));
		MvcResult saved = mvc.perform(post("/quizzes/attempts/" + attempt + "/answers/" + questions.get(0)).session(session)
			.with(csrf()).param("choices", right)).andReturn();
		assertThat(saved.getResponse().getStatus()).isEqualTo(204);
		MvcResult wrong = mvc.perform(post("/quizzes/attempts/" + attempt + "/answers/" + questions.get(1)).session(session)
			.with(csrf()).param("choices", "F")).andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		assertThat(wrong.getResponse().getContentAsString()).contains("不存在");
		// the page reopened shows the answer saved
		assertThat(mvc.perform(get(target).session(session)).andReturn().getResponse().getContentAsString())
			.containsPattern("value=\"" + right + "\"[^>]*checked");

		MvcResult submitted = mvc.perform(post("/quizzes/attempts/" + attempt + "/submit").session(session).with(csrf()))
			.andReturn();
		assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/quizzes/" + quiz);
		assertThat((String) submitted.getFlashMap().get("success")).contains("得分 2 / 4");
		String detail = mvc.perform(get("/quizzes/" + quiz).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("leaderboard").contains("已交卷");
		String byOrg = mvc.perform(get("/quizzes/" + quiz + "?by=org").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(byOrg).contains("市财政局");
		String manage = mvc.perform(get("/quizzes/manage").session(login("orgadmin1"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(manage).contains("bank-list").contains("页面题库");
	}
}
