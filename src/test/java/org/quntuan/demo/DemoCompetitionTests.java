package org.quntuan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;

/** The demo starts with a city-wide knowledge competition open now, a sound question bank and a leaderboard. */
class DemoCompetitionTests extends IntegrationTest {

	private long quiz() {
		return jdbc.sql("select id from quiz where title = :t").param("t", DemoCompetition.TITLE).query(Long.class).single();
	}

	@Test
	void theCompetitionIsOpenNowForTheWholeCity() throws Exception {
		long quiz = quiz();
		var window = jdbc.sql("select opens_at, closes_at from quiz where id = :q").param("q", quiz)
			.query((rs, i) -> new OffsetDateTime[] { rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class) })
			.single();
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		assertThat(window[0]).isBefore(now);
		assertThat(window[1]).isAfter(now);
		assertThat(jdbc.sql("select o.parent_id from quiz_audience a join org o on o.id = a.org_id where a.quiz_id = :q")
			.param("q", quiz).query((rs, i) -> rs.getObject(1)).list()).containsExactly((Object) null);
		// a member anywhere in the city sees it
		JsonNode detail = body(mvc.perform(get("/api/v1/quizzes/" + quiz).header("Authorization", bearer("member1"))).andReturn());
		assertThat(detail.get("title").asString()).isEqualTo(DemoCompetition.TITLE);
	}

	@Test
	void theBankHasThirtyWellFormedQuestionsEnoughForEveryPaper() {
		long bank = jdbc.sql("select bank_id from quiz where id = :q").param("q", quiz()).query(Long.class).single();
		Map<String, Integer> byType = new TreeMap<>();
		List<String> texts = new ArrayList<>();
		jdbc.sql("""
				select type, question_text, option_a, option_b, option_c, option_d, answer, explanation from quiz_question
				where bank_id = :b""").param("b", bank).query(rs -> {
			String type = rs.getString(1);
			byType.merge(type, 1, Integer::sum);
			texts.add(rs.getString(2));
			int options = 0;
			for (int i = 3; i <= 6; i++) {
				options += rs.getString(i) == null ? 0 : 1;
			}
			String answer = rs.getString(7);
			assertThat(rs.getString(8)).as(rs.getString(2)).contains("法");
			for (char c : answer.toCharArray()) {
				assertThat(c - 'A').as(rs.getString(2)).isBetween(0, options - 1);
			}
			switch (type) {
				case "SINGLE" -> assertThat(answer).hasSize(1);
				case "MULTIPLE" -> assertThat(answer.length()).isGreaterThanOrEqualTo(2);
				default -> assertThat(options).isEqualTo(2);
			}
		});
		assertThat(texts).hasSize(30);
		assertThat(new HashSet<>(texts)).hasSize(30);
		var draw = jdbc.sql("select draw_single, draw_multiple, draw_true_false from quiz where id = :q").param("q", quiz())
			.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) }).single();
		assertThat(byType.get("SINGLE")).isGreaterThanOrEqualTo(draw[0]);
		assertThat(byType.get("MULTIPLE")).isGreaterThanOrEqualTo(draw[1]);
		assertThat(byType.get("TRUE_FALSE")).isGreaterThanOrEqualTo(draw[2]);
	}

	@Test
	void pastAttemptsFillTheLeaderboardBestFirst() throws Exception {
		long quiz = quiz();
		// none of them is a named demo account, who take the competition themselves
		assertThat(jdbc.sql("""
				select count(*) from quiz_attempt t join account a on a.person_id = t.person_id
				where t.quiz_id = :q and a.username in ('member1', 'orgadmin1', 'orgadmin2')""").param("q", quiz)
			.query(Long.class).single()).isZero();
		JsonNode board = body(mvc.perform(get("/api/v1/quizzes/" + quiz + "/leaderboard").header("Authorization",
				bearer("member1"))).andReturn());
		JsonNode rows = board.get("content");
		assertThat(rows.size()).isGreaterThanOrEqualTo(5);
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i).get("score").asInt()).isLessThanOrEqualTo(rows.get(i - 1).get("score").asInt());
		}
		// each attempt's score is the sum of its answers' points
		assertThat(jdbc.sql("""
				select count(*) from quiz_attempt a where a.quiz_id = :q
				  and a.score <> (select sum(points) from quiz_attempt_question x where x.attempt_id = a.id)""")
			.param("q", quiz).query(Long.class).single()).isZero();
		assertThat(body(mvc.perform(get("/api/v1/quizzes/" + quiz + "/leaderboard?by=org").header("Authorization",
				bearer("admin"))).andReturn()).get("content").size()).isPositive();
	}
}
