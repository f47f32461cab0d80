package org.quntuan.learning.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * 300 people hand in at once around the deadline, each twice (a double tap): those in time are graded
 * once, those past the deadline and its grace are refused and closed with what they saved, and no
 * attempt is graded twice. Two starts at once by one person make one attempt.
 */
@Tag("postgres-only")
class QuizConcurrencyTests extends IntegrationTest {

	private static final int PEOPLE = 300;

	private OffsetDateTime now() {
		return OffsetDateTime.now(TestClock.CLOCK);
	}

	@Test
	void threeHundredSubmissionsAroundTheDeadlineAreGradedOnceOrRefused() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		List<ActivityFixtures.Member> people = ActivityFixtures.members(jdbc, organ, PEOPLE, "MALE", LocalDate.of(1992, 2, 2));
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "并发题库" + System.nanoTime(),
				QuizFixtures.questions("并发", 5, 0, 0));
		long quiz = QuizFixtures.quiz(mvc, json, bearer("admin"), QuizFixtures.quizBody("并发竞赛", bank, List.of(organ),
				now().minusHours(1), now().plusHours(2), 600, 1, 2, 0, 0));
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			// every person starts twice at once: one attempt each, the second call resumes it
			List<Callable<MockHttpServletResponse>> starts = new ArrayList<>();
			for (ActivityFixtures.Member m : people) {
				for (int i = 0; i < 2; i++) {
					starts.add(() -> mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts").header("Authorization", m.bearer()))
						.andReturn().getResponse());
				}
			}
			Map<Long, Long> attemptOf = new HashMap<>();
			List<Future<MockHttpServletResponse>> started = pool.invokeAll(starts);
			for (int i = 0; i < started.size(); i++) {
				MockHttpServletResponse r = started.get(i).get();
				assertThat(r.getStatus()).as(r.getContentAsString()).isIn(200, 201);
				long attempt = json.readTree(r.getContentAsString()).get("attemptId").asLong();
				Long before = attemptOf.put(people.get(i / 2).personId(), attempt);
				assertThat(before == null || before == attempt).isTrue();
			}
			assertThat(jdbc.sql("select count(*) from quiz_attempt where quiz_id = :q").param("q", quiz).query(Long.class)
				.single()).isEqualTo(PEOPLE);

			// each answers the first question right (2 points)
			List<Callable<Integer>> answers = new ArrayList<>();
			for (ActivityFixtures.Member m : people) {
				long attempt = attemptOf.get(m.personId());
				answers.add(() -> {
					String[] q = jdbc.sql("select aq.question_id, aq.option_order, qq.answer from quiz_attempt_question aq"
							+ " join quiz_question qq on qq.id = aq.question_id where aq.attempt_id = :a and aq.shown_order = 1")
						.param("a", attempt).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
						.single();
					String shown = String.valueOf("ABCDEF".charAt(q[1].indexOf(q[2])));
					return mvc.perform(put("/api/v1/attempts/" + attempt + "/answers/" + q[0]).header("Authorization", m.bearer())
						.contentType(MediaType.APPLICATION_JSON).content("{\"choices\":[\"" + shown + "\"]}"))
						.andReturn().getResponse().getStatus();
				});
			}
			for (Future<Integer> f : pool.invokeAll(answers)) {
				assertThat(f.get()).isEqualTo(200);
			}

			// half the attempts reach their limit in two seconds, the other half ran out 30 seconds ago
			OffsetDateTime now = now();
			Map<Long, Boolean> inTime = new HashMap<>();
			for (int i = 0; i < PEOPLE; i++) {
				long attempt = attemptOf.get(people.get(i).personId());
				boolean early = i % 2 == 0;
				OffsetDateTime deadline = early ? now.plusSeconds(2) : now.minusSeconds(30);
				jdbc.sql("update quiz_attempt set started_at = :s, deadline = :d where id = :a")
					.param("s", deadline.minusSeconds(600)).param("d", deadline).param("a", attempt).update();
				inTime.put(attempt, early);
			}
			List<Callable<String>> submits = new ArrayList<>();
			for (ActivityFixtures.Member m : people) {
				long attempt = attemptOf.get(m.personId());
				for (int i = 0; i < 2; i++) {
					submits.add(() -> {
						MockHttpServletResponse r = mvc.perform(post("/api/v1/attempts/" + attempt + "/submit")
							.header("Authorization", m.bearer())).andReturn().getResponse();
						if (r.getStatus() != 200) {
							return attempt + ":" + r.getStatus();
						}
						JsonNode body = json.readTree(r.getContentAsString());
						return attempt + ":200:" + body.get("alreadySubmitted").asBoolean() + ":" + body.get("score").asInt();
					});
				}
			}
			Map<Long, List<String>> outcomes = new HashMap<>();
			for (Future<String> f : pool.invokeAll(submits)) {
				String[] parts = f.get().split(":", 2);
				outcomes.computeIfAbsent(Long.valueOf(parts[0]), k -> new ArrayList<>()).add(parts[1]);
			}
			for (Map.Entry<Long, Boolean> e : inTime.entrySet()) {
				long attempt = e.getKey();
				String state = jdbc.sql("select status || ':' || score from quiz_attempt where id = :a").param("a", attempt)
					.query(String.class).single();
				long graded = jdbc.sql("select count(*) from audit_event where object_type = 'QUIZ_ATTEMPT' and object_id = :a"
						+ " and (detail like '交卷%' or detail like '超时收卷%')").param("a", String.valueOf(attempt))
					.query(Long.class).single();
				assertThat(graded).as("attempt %d graded once", attempt).isOne();
				if (e.getValue()) {
					assertThat(outcomes.get(attempt)).containsExactlyInAnyOrder("200:false:2", "200:true:2");
					assertThat(state).isEqualTo("SUBMITTED:2");
				}
				else {
					assertThat(outcomes.get(attempt)).containsExactly("422", "422");
					assertThat(state).isEqualTo("EXPIRED:2");
				}
			}
		}
		finally {
			pool.shutdown();
		}
	}
}
