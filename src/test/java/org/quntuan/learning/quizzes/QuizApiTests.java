package org.quntuan.learning.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.learning.CompetitionFigures;
import org.quntuan.platform.Zones;
import org.quntuan.support.AuditTrail;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The competition API as a participant and an organizer use it: bank import all or nothing, a paper
 * drawn per attempt with shuffled options and no answers in it, answers saved one by one, grading,
 * the attempt limit, the deadline, leaderboards, the review after closing, the export.
 * The deadline is reached by moving the attempt's times back in the database, never by waiting.
 */
class QuizApiTests extends IntegrationTest {

	@Autowired
	CompetitionFigures figures;

	@Autowired
	OverdueAttempts overdue;

	private OffsetDateTime now() {
		return OffsetDateTime.now(TestClock.CLOCK);
	}

	private long questionCount(long bank) {
		return jdbc.sql("select count(*) from quiz_question where bank_id = :b").param("b", bank).query(Long.class).single();
	}

	private long newBank(String name) throws Exception {
		MvcResult r = mvc.perform(post("/api/v1/question-banks").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	/** The letter shown for the right answer(s) of a question in an attempt. */
	private List<String> rightChoices(long attemptId, long questionId) {
		String[] row = jdbc.sql("select aq.option_order, q.answer from quiz_attempt_question aq join quiz_question q"
				+ " on q.id = aq.question_id where aq.attempt_id = :a and aq.question_id = :q")
			.param("a", attemptId).param("q", questionId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		List<String> shown = new ArrayList<>();
		for (int i = 0; i < row[0].length(); i++) {
			if (row[1].indexOf(row[0].charAt(i)) >= 0) {
				shown.add(String.valueOf("ABCDEF".charAt(i)));
			}
		}
		return shown;
	}

	private MvcResult answer(String bearer, long attempt, long question, String choices) throws Exception {
		return mvc.perform(put("/api/v1/attempts/" + attempt + "/answers/" + question).header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content("{\"choices\":" + choices + "}")).andReturn();
	}

	@Test
	void aBankFileWithAWrongTypeOrAnAnswerOutsideItsOptionsNamesEveryBadRowAndImportsNothing() throws Exception {
		long bank = newBank("导入校验题库" + System.nanoTime());
		List<String[]> rows = new ArrayList<>(QuizFixtures.questions("校验", 2, 0, 0));
		rows.add(new String[] { "问答", "题型错误的题", "甲", "乙", "", "", "", "", "A", "", "", "" });
		rows.add(new String[] { "单选", "答案超出选项的题", "甲", "乙", "丙", "", "", "", "E", "", "", "" });
		MvcResult dry = mvc.perform(multipart("/api/v1/question-banks/" + bank + "/import").file(QuizFixtures.sheet(rows))
			.param("dryRun", "true").header("Authorization", bearer("admin"))).andReturn();
		assertThat(dry.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(dry).get("invalid").asInt()).isEqualTo(2);
		MvcResult real = mvc.perform(multipart("/api/v1/question-banks/" + bank + "/import").file(QuizFixtures.sheet(rows))
			.header("Authorization", bearer("admin"))).andReturn();
		assertThat(real.getResponse().getStatus()).isEqualTo(422);
		JsonNode problem = body(real);
		assertThat(problem.get("detail").asString()).contains("共 4 行，其中 2 行有错误，未导入任何题目");
		assertThat(problem.get("errors")).hasSize(2);
		assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(4);
		assertThat(problem.get("errors").get(0).get("column").asString()).isEqualTo("题型");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("问答");
		assertThat(problem.get("errors").get(1).get("row").asInt()).isEqualTo(5);
		assertThat(problem.get("errors").get(1).get("column").asString()).isEqualTo("答案");
		assertThat(problem.get("errors").get(1).get("message").asString()).contains("E").contains("A 至 C");
		assertThat(questionCount(bank)).isZero();

		MvcResult good = mvc.perform(multipart("/api/v1/question-banks/" + bank + "/import")
			.file(QuizFixtures.sheet(rows.subList(0, 2))).header("Authorization", bearer("admin"))).andReturn();
		assertThat(good.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(good).get("imported").asInt()).isEqualTo(2);
		assertThat(questionCount(bank)).isEqualTo(2);
		assertThat(AuditTrail.of(jdbc, "QUIZ_BANK", bank)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.contains("导入题目 2 道"));
		// the same file again: every row is in the bank already
		MvcResult again = mvc.perform(multipart("/api/v1/question-banks/" + bank + "/import")
			.file(QuizFixtures.sheet(rows.subList(0, 2))).header("Authorization", bearer("admin"))).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(422);
		assertThat(questionCount(bank)).isEqualTo(2);
	}

	@Test
	void theTemplateIsAWorkbookAndMembersCannotTouchBanks() throws Exception {
		MvcResult template = mvc.perform(get("/api/v1/question-banks/import-template").header("Authorization", bearer("admin")))
			.andReturn();
		assertThat(template.getResponse().getStatus()).isEqualTo(200);
		assertThat(template.getResponse().getContentAsByteArray()).startsWith('P', 'K');
		assertThat(mvc.perform(post("/api/v1/question-banks").header("Authorization", bearer("member1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	@Test
	void aParticipantTakesTheCompetitionOnTheServersClockAndIsGradedOnce() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		var people = ActivityFixtures.members(jdbc, organ, 2, "FEMALE", LocalDate.of(1990, 5, 5));
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "竞赛题库" + System.nanoTime(),
				QuizFixtures.questions("流程", 6, 3, 3));
		long quiz = QuizFixtures.quiz(mvc, json, bearer("admin"), QuizFixtures.quizBody("工会法知识竞赛", bank, List.of(organ),
				now().minusHours(1), now().plusHours(2), 600, 1, 3, 2, 1));

		MvcResult started = mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts").header("Authorization", people.get(0).bearer()))
			.andReturn();
		assertThat(started.getResponse().getStatus()).isEqualTo(201);
		String text = started.getResponse().getContentAsString();
		assertThat(text).doesNotContain("answer").doesNotContain("explanation").doesNotContain("解析-");
		JsonNode paper = body(started);
		long attempt = paper.get("attemptId").asLong();
		assertThat(paper.get("questions")).hasSize(6);
		assertThat(OffsetDateTime.parse(paper.get("deadline").asString())).isAfter(now().plusSeconds(590));
		Set<String> types = new HashSet<>();
		paper.get("questions").forEach(q -> types.add(q.get("type").get("code").asString()));
		assertThat(types).containsExactlyInAnyOrder("SINGLE", "MULTIPLE", "TRUE_FALSE");

		// a second start resumes the same attempt
		MvcResult resumed = mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts").header("Authorization", people.get(0).bearer()))
			.andReturn();
		assertThat(resumed.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(resumed).get("attemptId").asLong()).isEqualTo(attempt);

		// bad answers: a question not in the attempt, an option that does not exist; nothing saved
		long outside = jdbc.sql("select min(id) from quiz_question where bank_id = :b and id not in (select question_id from"
				+ " quiz_attempt_question where attempt_id = :a)").param("b", bank).param("a", attempt).query(Long.class).single();
		MvcResult notInAttempt = answer(people.get(0).bearer(), attempt, outside, "[\"A\"]");
		assertThat(notInAttempt.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(notInAttempt).get("detail").asString()).contains("不在本次答卷中");
		JsonNode firstSingle = null;
		for (JsonNode q : paper.get("questions")) {
			if (q.get("type").get("code").asString().equals("SINGLE")) {
				firstSingle = q;
				break;
			}
		}
		MvcResult noSuchOption = answer(people.get(0).bearer(), attempt, firstSingle.get("id").asLong(), "[\"E\"]");
		assertThat(noSuchOption.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(noSuchOption).get("detail").asString()).contains("选项“E”不存在").contains("A 至 D");
		assertThat(answer(people.get(0).bearer(), attempt, firstSingle.get("id").asLong(), "[\"A\",\"B\"]").getResponse()
			.getStatus()).isEqualTo(422);
		assertThat(jdbc.sql("select count(*) from quiz_attempt_question where attempt_id = :a and choices is not null")
			.param("a", attempt).query(Long.class).single()).isZero();
		// someone else's attempt does not exist for them
		assertThat(answer(people.get(1).bearer(), attempt, firstSingle.get("id").asLong(), "[\"A\"]").getResponse()
			.getStatus()).isEqualTo(404);

		// every question answered right except the true/false one
		int expected = 0;
		for (JsonNode q : paper.get("questions")) {
			long id = q.get("id").asLong();
			List<String> right = rightChoices(attempt, id);
			String type = q.get("type").get("code").asString();
			List<String> given = type.equals("TRUE_FALSE") ? List.of(right.get(0).equals("A") ? "B" : "A") : right;
			MvcResult saved = answer(people.get(0).bearer(), attempt, id, json.writeValueAsString(given));
			assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(200);
			if (!type.equals("TRUE_FALSE")) {
				expected += q.get("score").asInt();
			}
		}
		assertThat(expected).isEqualTo(3 * 2 + 2 * 3);
		MvcResult submitted = mvc.perform(post("/api/v1/attempts/" + attempt + "/submit").header("Authorization",
				people.get(0).bearer())).andReturn();
		assertThat(submitted.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(submitted).get("score").asInt()).isEqualTo(expected);
		assertThat(body(submitted).get("maxScore").asInt()).isEqualTo(expected + 1);
		// the year's figures other modules read
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		assertThat(figures.person(people.get(0).personId(), year)).extracting(CompetitionFigures.Participation::quizId,
				CompetitionFigures.Participation::bestScore).containsExactly(tuple(quiz, expected));
		assertThat(figures.person(people.get(0).personId(), year - 1)).isEmpty();
		CompetitionFigures.OrgYear organYear = figures.org(organ, year);
		assertThat(organYear.participants()).isOne();
		assertThat(organYear.averageBestScore()).isEqualByComparingTo(String.valueOf(expected));
		// a second submission grades nothing again
		MvcResult twice = mvc.perform(post("/api/v1/attempts/" + attempt + "/submit").header("Authorization",
				people.get(0).bearer())).andReturn();
		assertThat(body(twice).get("alreadySubmitted").asBoolean()).isTrue();
		assertThat(AuditTrail.of(jdbc, "QUIZ_ATTEMPT", attempt)).filteredOn(e -> e.detail().startsWith("交卷")).hasSize(1);
		// no answer after submission
		assertThat(answer(people.get(0).bearer(), attempt, firstSingle.get("id").asLong(), "[\"A\"]").getResponse()
			.getStatus()).isEqualTo(422);

		// the attempt limit (1): a second attempt is refused, nothing created
		MvcResult over = mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts").header("Authorization", people.get(0).bearer()))
			.andReturn();
		assertThat(over.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(over).get("detail").asString()).contains("每人最多答题 1 次");
		assertThat(jdbc.sql("select count(*) from quiz_attempt where quiz_id = :q").param("q", quiz).query(Long.class).single())
			.isOne();

		// the review waits for the competition to close
		MvcResult early = mvc.perform(get("/api/v1/attempts/" + attempt + "/review").header("Authorization", people.get(0).bearer()))
			.andReturn();
		assertThat(early.getResponse().getStatus()).isEqualTo(422);
		assertThat(early.getResponse().getContentAsString()).doesNotContain("解析-");

		// leaderboards: seen by the audience, not by anyone else
		MvcResult board = mvc.perform(get("/api/v1/quizzes/" + quiz + "/leaderboard?by=person").header("Authorization",
				people.get(1).bearer())).andReturn();
		assertThat(board.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(board).get("totalElements").asInt()).isOne();
		assertThat(body(board).get("content").get(0).get("personId").asLong()).isEqualTo(people.get(0).personId());
		assertThat(body(board).get("content").get(0).get("score").asInt()).isEqualTo(expected);
		MvcResult orgs = mvc.perform(get("/api/v1/quizzes/" + quiz + "/leaderboard?by=org").header("Authorization",
				people.get(1).bearer())).andReturn();
		JsonNode organRow = body(orgs).get("content").get(0);
		assertThat(organRow.get("orgId").asLong()).isEqualTo(organ);
		assertThat(organRow.get("people").asInt()).isEqualTo(2);
		assertThat(organRow.get("participants").asInt()).isEqualTo(1);
		assertThat(organRow.get("participationRate").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(organRow.get("averageScore").decimalValue()).isEqualByComparingTo(String.valueOf(expected));
		assertThat(mvc.perform(get("/api/v1/quizzes/" + quiz + "/leaderboard?by=person").header("Authorization",
				bearer("orgadmin2"))).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/quizzes/" + quiz + "/leaderboard/export?by=org").header("Authorization",
				people.get(1).bearer())).andReturn().getResponse().getStatus()).isEqualTo(403);
		MvcResult export = mvc.perform(get("/api/v1/quizzes/" + quiz + "/leaderboard/export?by=person")
			.header("Authorization", bearer("admin"))).andReturn();
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(AuditTrail.of(jdbc, "QUIZ", quiz)).extracting(AuditTrail.Event::type).contains("EXPORT");

		// after closing: the review with explanations and the right letters as shown
		jdbc.sql("update quiz set opens_at = :o, closes_at = :c where id = :q").param("o", now().minusHours(3))
			.param("c", now().minusMinutes(1)).param("q", quiz).update();
		MvcResult review = mvc.perform(get("/api/v1/attempts/" + attempt + "/review").header("Authorization", people.get(0).bearer()))
			.andReturn();
		assertThat(review.getResponse().getStatus()).isEqualTo(200);
		JsonNode reviewed = body(review);
		assertThat(reviewed.get("score").asInt()).isEqualTo(expected);
		for (JsonNode q : reviewed.get("questions")) {
			assertThat(q.get("explanation").asString()).startsWith("解析-");
			List<String> answerShown = new ArrayList<>();
			q.get("answer").forEach(a -> answerShown.add(a.asString()));
			assertThat(answerShown).isEqualTo(rightChoices(attempt, q.get("id").asLong()));
			assertThat(q.get("correct").asBoolean()).isEqualTo(!q.get("type").get("code").asString().equals("TRUE_FALSE"));
		}
	}

	@Test
	void afterTheDeadlineAndTheGraceAnswersAndSubmissionAreRefusedAndTheAttemptIsClosedAsSaved() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第二片组");
		var person = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1985, 1, 1)).get(0);
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "限时题库" + System.nanoTime(),
				QuizFixtures.questions("限时", 4, 0, 0));
		long quiz = QuizFixtures.quiz(mvc, json, bearer("admin"), QuizFixtures.quizBody("限时竞赛", bank, List.of(organ),
				now().minusHours(1), now().plusHours(2), 60, 3, 2, 0, 0));
		JsonNode paper = body(mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts").header("Authorization", person.bearer()))
			.andReturn());
		long attempt = paper.get("attemptId").asLong();
		long first = paper.get("questions").get(0).get("id").asLong();
		long second = paper.get("questions").get(1).get("id").asLong();
		assertThat(answer(person.bearer(), attempt, first, json.writeValueAsString(rightChoices(attempt, first))).getResponse()
			.getStatus()).isEqualTo(200);
		// the time limit ran out 6 seconds ago: beyond the 5 seconds of grace
		jdbc.sql("update quiz_attempt set started_at = :s, deadline = :d where id = :a").param("s", now().minusSeconds(66))
			.param("d", now().minusSeconds(6)).param("a", attempt).update();
		MvcResult late = answer(person.bearer(), attempt, second, json.writeValueAsString(rightChoices(attempt, second)));
		assertThat(late.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(late).get("detail").asString()).contains("截止").contains("答案未保存");
		MvcResult refused = mvc.perform(post("/api/v1/attempts/" + attempt + "/submit").header("Authorization", person.bearer()))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(refused).get("detail").asString()).contains("提交未被接受").contains("得分 2 / 4");
		assertThat(jdbc.sql("select status || ':' || score || ':' || time_used_ms from quiz_attempt where id = :a")
			.param("a", attempt).query(String.class).single()).isEqualTo("EXPIRED:2:60000");

		// within the grace a submission is still taken
		JsonNode next = body(mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts").header("Authorization", person.bearer()))
			.andReturn());
		long attempt2 = next.get("attemptId").asLong();
		assertThat(attempt2).isNotEqualTo(attempt);
		jdbc.sql("update quiz_attempt set started_at = :s, deadline = :d where id = :a").param("s", now().minusSeconds(62))
			.param("d", now().minusSeconds(2)).param("a", attempt2).update();
		MvcResult inGrace = mvc.perform(post("/api/v1/attempts/" + attempt2 + "/submit").header("Authorization", person.bearer()))
			.andReturn();
		assertThat(inGrace.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(inGrace).get("status").get("code").asString()).isEqualTo("SUBMITTED");
		assertThat(body(inGrace).get("timeUsedSeconds").asLong()).isEqualTo(60);

		// an attempt nobody hands in is closed by the job once its time and the grace are over, graded as saved
		JsonNode third = body(mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts").header("Authorization", person.bearer()))
			.andReturn());
		long attempt3 = third.get("attemptId").asLong();
		long q3 = third.get("questions").get(0).get("id").asLong();
		assertThat(answer(person.bearer(), attempt3, q3, json.writeValueAsString(rightChoices(attempt3, q3))).getResponse()
			.getStatus()).isEqualTo(200);
		overdue.closeOverdue();
		assertThat(jdbc.sql("select status from quiz_attempt where id = :a").param("a", attempt3).query(String.class).single())
			.isEqualTo("OPEN");
		jdbc.sql("update quiz_attempt set started_at = :s, deadline = :d where id = :a").param("s", now().minusSeconds(70))
			.param("d", now().minusSeconds(10)).param("a", attempt3).update();
		assertThat(overdue.closeOverdue()).isPositive();
		assertThat(jdbc.sql("select status || ':' || score from quiz_attempt where id = :a").param("a", attempt3)
			.query(String.class).single()).isEqualTo("EXPIRED:2");
	}

	@Test
	void aCompetitionIsForItsAudienceOnlyAndBadSettingsAreRefused() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第三片组");
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "对象题库" + System.nanoTime(),
				QuizFixtures.questions("对象", 2, 0, 1));
		long quiz = QuizFixtures.quiz(mvc, json, bearer("admin"), QuizFixtures.quizBody("对象竞赛", bank, List.of(organ),
				now().minusHours(1), now().plusHours(2), 60, 1, 2, 0, 1));
		assertThat(mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts").header("Authorization", bearer("member1")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/quizzes/" + quiz).header("Authorization", bearer("member1")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		long before = jdbc.sql("select count(*) from quiz").query(Long.class).single();
		MvcResult tooMany = mvc.perform(post("/api/v1/quizzes").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(QuizFixtures.quizBody("抽题过多", bank, List.of(organ),
					now(), now().plusHours(1), 60, 1, 3, 0, 0)))
			.andReturn();
		assertThat(tooMany.getResponse().getStatus()).isEqualTo(422);
		assertThat(tooMany.getResponse().getContentAsString()).contains("只有 2 道单选题，不够每次抽取 3 道");
		MvcResult window = mvc.perform(post("/api/v1/quizzes").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(QuizFixtures.quizBody("时间颠倒", bank, List.of(organ),
					now(), now().minusHours(1), 60, 1, 1, 0, 0)))
			.andReturn();
		assertThat(window.getResponse().getStatus()).isEqualTo(400);
		assertThat(window.getResponse().getContentAsString()).contains("结束时间须晚于开始时间");
		assertThat(jdbc.sql("select count(*) from quiz").query(Long.class).single()).isEqualTo(before);
	}
}
