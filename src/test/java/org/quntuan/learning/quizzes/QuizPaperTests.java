package org.quntuan.learning.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The paper of a competition: a fixed list of the bank's questions that every attempt gets (in its
 * own order, options shuffled), the bad lists refused with nothing created, and a random draw
 * restricted to one tag.
 */
class QuizPaperTests extends IntegrationTest {

	private OffsetDateTime now() {
		return OffsetDateTime.now(TestClock.CLOCK);
	}

	/** A competition body whose paper is given as raw JSON members (draw, questionIds, drawTag). */
	private String body(String title, long bank, long organ, String paper) {
		return "{\"title\":\"" + title + "\",\"bankId\":" + bank + ",\"audience\":{\"orgIds\":[" + organ + "]},\"opensAt\":\""
				+ now().minusHours(1) + "\",\"closesAt\":\"" + now().plusHours(2) + "\",\"timeLimitSeconds\":600,"
				+ "\"attemptsAllowed\":2" + (paper.isEmpty() ? "" : "," + paper) + "}";
	}

	private MvcResult create(String body) throws Exception {
		return mvc.perform(post("/api/v1/quizzes").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
	}

	private List<Long> ids(long bank, String type) {
		return jdbc.sql("select id from quiz_question where bank_id = :b and type = :t order by id").param("b", bank)
			.param("t", type).query(Long.class).list();
	}

	private List<Long> questionsOf(JsonNode started) {
		List<Long> ids = new ArrayList<>();
		started.get("questions").forEach(q -> ids.add(q.get("id").asLong()));
		return ids;
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void everyAttemptOfAFixedPaperHasExactlyItsQuestions() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第二片组");
		var people = ActivityFixtures.members(jdbc, organ, 2, "FEMALE", LocalDate.of(1988, 3, 8));
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "固定题库" + System.nanoTime(),
				QuizFixtures.questions("固定", 6, 3, 3));
		List<Long> paper = List.of(ids(bank, "MULTIPLE").get(1), ids(bank, "SINGLE").get(4), ids(bank, "TRUE_FALSE").get(0),
				ids(bank, "SINGLE").get(0));
		MvcResult created = create(body("固定试卷竞赛", bank, organ, "\"questionIds\":" + paper));
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		long quiz = body(created).get("id").asLong();
		assertThat(jdbc.sql("select question_id from quiz_paper_question where quiz_id = :q order by position")
			.param("q", quiz).query(Long.class).list()).containsExactlyElementsOf(paper);

		JsonNode detail = body(mvc.perform(get("/api/v1/quizzes/" + quiz).header("Authorization", bearer("admin")))
			.andReturn());
		assertThat(detail.get("fixedPaper").asBoolean()).isTrue();
		assertThat(detail.get("draw").get("SINGLE").asInt()).isEqualTo(2);
		assertThat(detail.get("draw").get("MULTIPLE").asInt()).isEqualTo(1);
		assertThat(detail.get("draw").get("TRUE_FALSE").asInt()).isEqualTo(1);

		for (var person : people) {
			for (int attempt = 0; attempt < 2; attempt++) {
				MvcResult started = mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts")
					.header("Authorization", person.bearer())).andReturn();
				assertThat(started.getResponse().getStatus()).isEqualTo(201);
				JsonNode view = body(started);
				assertThat(started.getResponse().getContentAsString()).doesNotContain("解析-");
				List<Long> shown = questionsOf(view);
				assertThat(shown).hasSize(4).containsExactlyInAnyOrderElementsOf(paper);
				long attemptId = view.get("attemptId").asLong();
				// 2 + 2 + 3 + 1: the paper's full score
				assertThat(jdbc.sql("select max_score from quiz_attempt where id = :a").param("a", attemptId)
					.query(Integer.class).single()).isEqualTo(8);
				// each choice question's options are the bank's four letters in some order
				jdbc.sql("select aq.option_order from quiz_attempt_question aq join quiz_question q on q.id = aq.question_id"
						+ " where aq.attempt_id = :a and q.type <> 'TRUE_FALSE'").param("a", attemptId).query(String.class)
					.list()
					.forEach(order -> assertThat(order.chars().sorted().collect(StringBuilder::new,
							StringBuilder::appendCodePoint, StringBuilder::append).toString()).isEqualTo("ABCD"));
				assertThat(mvc.perform(post("/api/v1/attempts/" + attemptId + "/submit")
					.header("Authorization", person.bearer())).andReturn().getResponse().getStatus()).isEqualTo(200);
			}
		}
	}

	@Test
	void aBadFixedPaperIsRefusedInChineseAndNothingIsCreated() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第三片组");
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "校验题库" + System.nanoTime(),
				QuizFixtures.questions("校验", 3, 0, 1));
		long other = QuizFixtures.bank(mvc, json, bearer("admin"), "他库" + System.nanoTime(),
				QuizFixtures.questions("他库", 2, 0, 0));
		long mine = ids(bank, "SINGLE").get(0);
		long foreign = ids(other, "SINGLE").get(1);
		long quizzes = count("quiz");
		long papers = count("quiz_paper_question");

		record Case(String paper, String message) {
		}
		List<Case> cases = List.of(
				new Case("\"questionIds\":[" + mine + "," + foreign + "]", "不属于题库「"),
				new Case("\"questionIds\":[" + mine + "," + Long.MAX_VALUE + "]", "题目不存在：" + Long.MAX_VALUE),
				new Case("\"questionIds\":[" + mine + "],\"draw\":{\"SINGLE\":1}", "只能选择其一"),
				new Case("", "请选择试卷方式"),
				new Case("\"questionIds\":[]", "至少选择一道题"),
				new Case("\"questionIds\":[" + mine + "," + mine + "]", "题目重复：" + mine),
				new Case("\"questionIds\":[" + mine + "],\"drawTag\":\"法律法规\"", "不按标签抽题"));
		for (Case c : cases) {
			MvcResult refused = create(body("有误的试卷", bank, organ, c.paper()));
			assertThat(refused.getResponse().getStatus()).as(c.paper()).isEqualTo(422);
			assertThat(refused.getResponse().getContentType()).contains("problem+json");
			assertThat(body(refused).get("detail").asString()).as(c.paper()).contains(c.message());
		}
		assertThat(count("quiz")).isEqualTo(quizzes);
		assertThat(count("quiz_paper_question")).isEqualTo(papers);
	}

	@Test
	void aTaggedDrawTakesOnlyQuestionsWithTheTagAndIsRefusedWhenTooFewHaveIt() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第四片组");
		var people = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1985, 1, 1));
		List<String[]> rows = QuizFixtures.questions("标签", 8, 0, 4);
		for (int i = 0; i < rows.size(); i++) {
			// singles 0-2 and true/false 8-9 are about safety (one also about law); the rest only about law
			rows.get(i)[11] = i < 3 || i == 8 ? "安全生产" : i == 9 ? "法律法规，安全生产" : "法律法规";
		}
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "标签题库" + System.nanoTime(), rows);
		long quizzes = count("quiz");

		MvcResult tooFew = create(body("标签不足", bank, organ,
				"\"draw\":{\"SINGLE\":4,\"TRUE_FALSE\":1},\"drawTag\":\"安全生产\""));
		assertThat(tooFew.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(tooFew).get("detail").asString()).contains("只有 3 道标签为“安全生产”的单选题，不够每次抽取 4 道");
		assertThat(body(tooFew).get("questionType").asString()).isEqualTo("SINGLE");
		assertThat(body(tooFew).get("tag").asString()).isEqualTo("安全生产");
		assertThat(body(tooFew).get("available").asInt()).isEqualTo(3);
		assertThat(body(tooFew).get("requested").asInt()).isEqualTo(4);
		assertThat(count("quiz")).isEqualTo(quizzes);

		MvcResult created = create(body("安全生产竞赛", bank, organ,
				"\"draw\":{\"SINGLE\":3,\"TRUE_FALSE\":2},\"drawTag\":\" 安全生产 \""));
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		long quiz = body(created).get("id").asLong();
		assertThat(jdbc.sql("select draw_tag from quiz where id = :q").param("q", quiz).query(String.class).single())
			.isEqualTo("安全生产");
		Set<Long> tagged = new HashSet<>(jdbc.sql("select id from quiz_question where bank_id = :b and tags like '%安全生产%'")
			.param("b", bank).query(Long.class).list());
		assertThat(tagged).hasSize(5);
		MvcResult started = mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts")
			.header("Authorization", people.get(0).bearer())).andReturn();
		assertThat(started.getResponse().getStatus()).isEqualTo(201);
		assertThat(questionsOf(body(started))).hasSize(5).containsExactlyInAnyOrderElementsOf(tagged);

		// a tag no question has: refused, nothing created
		MvcResult none = create(body("无此标签", bank, organ, "\"draw\":{\"SINGLE\":1},\"drawTag\":\"安全\""));
		assertThat(none.getResponse().getStatus()).isEqualTo(422);
		assertThat(none.getResponse().getContentAsString()).contains("只有 0 道标签为“安全”的单选题");
		assertThat(count("quiz")).isEqualTo(quizzes + 1);
	}

	@Test
	void aBankThatNoLongerHoldsEnoughForThePaperRefusesTheStartWith422NamingTypeTagAndNumbers() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第三片组");
		var people = ActivityFixtures.members(jdbc, organ, 1, "FEMALE", LocalDate.of(1991, 4, 4));
		List<String[]> rows = QuizFixtures.questions("缩减", 3, 0, 2);
		rows.forEach(r -> r[11] = "劳动法");
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "缩减题库" + System.nanoTime(), rows);
		MvcResult created = create(body("劳动法竞赛", bank, organ, "\"draw\":{\"SINGLE\":3,\"TRUE_FALSE\":2},\"drawTag\":\"劳动法\""));
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		long quiz = body(created).get("id").asLong();
		// the bank's keepers take the tag off one true/false question after the competition was set up
		jdbc.sql("update quiz_question set tags = null where id = :q").param("q", ids(bank, "TRUE_FALSE").get(0)).update();
		long attempts = count("quiz_attempt");

		MvcResult refused = mvc.perform(post("/api/v1/quizzes/" + quiz + "/attempts")
			.header("Authorization", people.get(0).bearer())).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		JsonNode problem = body(refused);
		assertThat(problem.get("detail").asString()).isEqualTo("题库中只有 1 道标签为“劳动法”的判断题，不够每次抽取 2 道，请联系竞赛组织者");
		assertThat(problem.get("questionType").asString()).isEqualTo("TRUE_FALSE");
		assertThat(problem.get("available").asInt()).isEqualTo(1);
		assertThat(problem.get("requested").asInt()).isEqualTo(2);
		assertThat(count("quiz_attempt")).isEqualTo(attempts);
	}

	@Test
	void theCreateFormOffersAFixedPaperAsAListOfQuestionNumbers() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第五片组");
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "表单题库" + System.nanoTime(),
				QuizFixtures.questions("表单", 3, 1, 1));
		List<Long> singles = ids(bank, "SINGLE");
		long tf = ids(bank, "TRUE_FALSE").get(0);
		MockHttpSession session = login("admin");
		String manage = mvc.perform(get("/quizzes/manage").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(manage).contains("name=\"paper\"").contains("value=\"FIXED\"").contains("name=\"questionIds\"")
			.contains("name=\"drawTag\"");
		String opens = now().atZoneSameInstant(Zones.BUSINESS).toLocalDateTime().withNano(0).toString();
		String closes = now().plusHours(2).atZoneSameInstant(Zones.BUSINESS).toLocalDateTime()
			.withNano(0).toString();
		long quizzes = count("quiz");

		MvcResult bad = mvc.perform(post("/quizzes").session(session).with(csrf()).param("title", "表单固定试卷")
			.param("bankId", String.valueOf(bank)).param("orgIds", String.valueOf(organ)).param("opensAt", opens)
			.param("closesAt", closes).param("timeLimitMinutes", "10").param("attemptsAllowed", "1")
			.param("paper", "FIXED").param("questionIds", singles.get(0) + " 12x")).andReturn();
		assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/quizzes/manage");
		assertThat((String) bad.getFlashMap().get("error")).contains("12x");
		assertThat(count("quiz")).isEqualTo(quizzes);

		MvcResult made = mvc.perform(post("/quizzes").session(session).with(csrf()).param("title", "表单固定试卷")
			.param("bankId", String.valueOf(bank)).param("orgIds", String.valueOf(organ)).param("opensAt", opens)
			.param("closesAt", closes).param("timeLimitMinutes", "10").param("attemptsAllowed", "1")
			.param("paper", "FIXED").param("single", "3").param("drawTag", "")
			.param("questionIds", singles.get(2) + "，" + tf + "\n" + singles.get(0))).andReturn();
		assertThat(made.getResponse().getRedirectedUrl()).startsWith("/quizzes/");
		long quiz = Long.parseLong(made.getResponse().getRedirectedUrl().substring("/quizzes/".length()));
		assertThat(jdbc.sql("select question_id from quiz_paper_question where quiz_id = :q order by position")
			.param("q", quiz).query(Long.class).list()).containsExactly(singles.get(2), tf, singles.get(0));
	}
}
