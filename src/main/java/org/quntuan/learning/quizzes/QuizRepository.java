package org.quntuan.learning.quizzes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Competitions, their audience and attempts. An attempt leaves OPEN only through {@link #finish}, a
 * conditional update: whoever changes the row grades it, and nobody else can.
 */
@Repository
class QuizRepository {

	record QuizRow(long id, String title, long bankId, long ownerOrgId, String ownerPath, OffsetDateTime opensAt,
			OffsetDateTime closesAt, int timeLimitSeconds, int attemptsAllowed, Map<QuestionType, Integer> draw,
			String drawTag, boolean fixedPaper) {

		int questionCount() {
			return draw.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	record AudienceRoot(long orgId, String orgPath, Long memberOrganId) {
	}

	record AttemptRow(long id, long quizId, long personId, int seq, AttemptStatus status, OffsetDateTime startedAt,
			OffsetDateTime deadline, OffsetDateTime finishedAt, Integer score, int maxScore, Long timeUsedMs) {
	}

	/**
	 * A drawn question with the bank's options, answer and explanation (never sent before review),
	 * the order its options are shown in, and the choices saved (bank letters).
	 */
	record AttemptQuestion(long questionId, int shownOrder, QuestionType type, String text, List<String> options,
			String answer, String explanation, int score, String optionOrder, String choices, Integer points) {
	}

	/** A drawn question to store: the bank's letters in the order shown. */
	record Drawn(long questionId, String optionOrder, int score) {
	}

	private static final String QUIZ_COLUMNS = "q.id, q.title, q.bank_id, q.owner_org_id, o.path, q.opens_at, q.closes_at,"
			+ " q.time_limit_seconds, q.attempts_allowed, q.draw_single, q.draw_multiple, q.draw_true_false,"
			+ " q.draw_tag, q.fixed_paper";

	private static final String ATTEMPT_COLUMNS = "id, quiz_id, person_id, seq, status, started_at, deadline, finished_at,"
			+ " score, max_score, time_used_ms";

	private final JdbcClient jdbc;

	QuizRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String title, long bankId, long ownerOrgId, String audienceJson, OffsetDateTime opensAt,
			OffsetDateTime closesAt, int timeLimitSeconds, int attemptsAllowed, Map<QuestionType, Integer> draw,
			String drawTag, boolean fixedPaper, long accountId, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into quiz (title, bank_id, owner_org_id, audience, opens_at, closes_at, time_limit_seconds,"
				+ " attempts_allowed, draw_single, draw_multiple, draw_true_false, draw_tag, fixed_paper,"
				+ " created_by_account_id, created_at)"
				+ " values (:t, :b, :o, :aud, :op, :cl, :lim, :att, :ds, :dm, :dt, :tag, :fixed, :acc, :now)")
			.param("t", title).param("b", bankId).param("o", ownerOrgId).param("aud", audienceJson).param("op", opensAt)
			.param("cl", closesAt).param("lim", timeLimitSeconds).param("att", attemptsAllowed)
			.param("ds", draw.get(QuestionType.SINGLE)).param("dm", draw.get(QuestionType.MULTIPLE))
			.param("dt", draw.get(QuestionType.TRUE_FALSE)).param("tag", drawTag).param("fixed", fixedPaper)
			.param("acc", accountId).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertAudience(long quizId, List<AudienceRoot> roots) {
		for (AudienceRoot r : roots) {
			jdbc.sql("insert into quiz_audience (quiz_id, org_id, org_path, member_organ_id) values (:q, :o, :p, :m)")
				.param("q", quizId).param("o", r.orgId()).param("p", r.orgPath()).param("m", r.memberOrganId()).update();
		}
	}

	Optional<QuizRow> find(long id) {
		return jdbc.sql("select " + QUIZ_COLUMNS + " from quiz q join org o on o.id = q.owner_org_id where q.id = :id")
			.param("id", id).query(QuizRepository::quiz).optional();
	}

	static QuizRow quiz(ResultSet rs, int n) throws SQLException {
		Map<QuestionType, Integer> draw = new EnumMap<>(QuestionType.class);
		draw.put(QuestionType.SINGLE, rs.getInt(10));
		draw.put(QuestionType.MULTIPLE, rs.getInt(11));
		draw.put(QuestionType.TRUE_FALSE, rs.getInt(12));
		return new QuizRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getInt(8), rs.getInt(9),
				draw, rs.getString(13), rs.getBoolean(14));
	}

	/** A fixed paper's questions, in the order listed. */
	void insertPaper(long quizId, List<Long> questionIds) {
		int position = 0;
		for (long q : questionIds) {
			jdbc.sql("insert into quiz_paper_question (quiz_id, question_id, position) values (:q, :qq, :p)")
				.param("q", quizId).param("qq", q).param("p", ++position).update();
		}
	}

	/** The questions of a fixed paper, in the order listed. */
	List<Long> paper(long quizId) {
		return jdbc.sql("select question_id from quiz_paper_question where quiz_id = :q order by position")
			.param("q", quizId).query(Long.class).list();
	}

	List<AudienceRoot> audience(long quizId) {
		return jdbc.sql("select org_id, org_path, member_organ_id from quiz_audience where quiz_id = :q order by org_path")
			.param("q", quizId)
			.query((rs, n) -> new AudienceRoot(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class)))
			.list();
	}

	/** The ids of a bank's questions of one type, to draw from; with a tag only those carrying it. */
	List<Long> questionIds(long bankId, QuestionType type, String tag) {
		List<Long> ids = new ArrayList<>();
		jdbc.sql("select id, tags from quiz_question where bank_id = :b and type = :t").param("b", bankId)
			.param("t", type.name()).query(rs -> {
				if (tag == null || hasTag(rs.getString(2), tag)) {
					ids.add(rs.getLong(1));
				}
			});
		return ids;
	}

	/** Whether the stored tags (joined by commas) include {@code tag}. */
	static boolean hasTag(String tags, String tag) {
		if (tags == null) {
			return false;
		}
		for (String t : tags.split(",")) {
			if (t.strip().equals(tag)) {
				return true;
			}
		}
		return false;
	}

	/** A question's bank and type, for checking a fixed paper. */
	record QuestionRef(long id, long bankId, QuestionType type) {
	}

	/** The bank and type of each of the given questions that exists, by id. */
	Map<Long, QuestionRef> questionRefs(List<Long> ids) {
		Map<Long, QuestionRef> refs = new HashMap<>();
		if (ids.isEmpty()) {
			return refs;
		}
		jdbc.sql("select id, bank_id, type from quiz_question where id in (:ids)").param("ids", ids).query(rs -> {
			refs.put(rs.getLong(1), new QuestionRef(rs.getLong(1), rs.getLong(2), QuestionType.valueOf(rs.getString(3))));
		});
		return refs;
	}

	/** How many options a question has and what it scores. */
	record Shape(int options, int score, boolean trueFalse) {
	}

	/** The shapes of the given questions, by id. */
	Map<Long, Shape> shapes(List<Long> ids) {
		Map<Long, Shape> shapes = new HashMap<>();
		if (ids.isEmpty()) {
			return shapes;
		}
		jdbc.sql("select id, score, " + QuestionBankRepository.OPTION_COLUMNS + ", type from quiz_question where id in (:ids)")
			.param("ids", ids).query(rs -> {
				shapes.put(rs.getLong(1), new Shape(options(rs, 3).size(), rs.getInt(2), "TRUE_FALSE".equals(rs.getString(9))));
			});
		return shapes;
	}

	/** The options A… of a question read from six columns starting at {@code first}, without the blank tail. */
	static List<String> options(ResultSet rs, int first) throws SQLException {
		List<String> options = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String v = rs.getString(first + i);
			if (v == null) {
				break;
			}
			options.add(v);
		}
		return options;
	}

	Optional<AttemptRow> openAttempt(long quizId, long personId) {
		return jdbc.sql("select " + ATTEMPT_COLUMNS + " from quiz_attempt where quiz_id = :q and person_id = :p"
				+ " and status = 'OPEN' order by seq desc")
			.param("q", quizId).param("p", personId).query(QuizRepository::attempt).list().stream().findFirst();
	}

	int attemptCount(long quizId, long personId) {
		return jdbc.sql("select count(*) from quiz_attempt where quiz_id = :q and person_id = :p").param("q", quizId)
			.param("p", personId).query(Integer.class).single();
	}

	/** A new attempt numbered {@code seq}; a second start with the same number fails with a duplicate key. */
	long insertAttempt(long quizId, long personId, int seq, OffsetDateTime startedAt, OffsetDateTime deadline,
			int maxScore) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into quiz_attempt (quiz_id, person_id, seq, status, started_at, deadline, max_score)"
				+ " values (:q, :p, :s, 'OPEN', :st, :dl, :max)")
			.param("q", quizId).param("p", personId).param("s", seq).param("st", startedAt).param("dl", deadline)
			.param("max", maxScore).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertQuestions(long attemptId, List<Drawn> drawn) {
		int order = 0;
		for (Drawn d : drawn) {
			jdbc.sql("insert into quiz_attempt_question (attempt_id, question_id, shown_order, option_order)"
					+ " values (:a, :q, :o, :oo)")
				.param("a", attemptId).param("q", d.questionId()).param("o", ++order).param("oo", d.optionOrder()).update();
		}
	}

	Optional<AttemptRow> attempt(long id) {
		return jdbc.sql("select " + ATTEMPT_COLUMNS + " from quiz_attempt where id = :id").param("id", id)
			.query(QuizRepository::attempt).optional();
	}

	/** The attempt, its row locked until the transaction ends (answers and submission of one attempt queue). */
	Optional<AttemptRow> lockAttempt(long id) {
		return jdbc.sql("select " + ATTEMPT_COLUMNS + " from quiz_attempt where id = :id for update").param("id", id)
			.query(QuizRepository::attempt).optional();
	}

	private static AttemptRow attempt(ResultSet rs, int n) throws SQLException {
		return new AttemptRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
				AttemptStatus.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class),
				rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
				rs.getObject(9, Integer.class), rs.getInt(10), rs.getObject(11, Long.class));
	}

	List<AttemptQuestion> questions(long attemptId) {
		return jdbc.sql("select aq.question_id, aq.shown_order, q.type, q.question_text, "
				+ QuestionBankRepository.OPTION_COLUMNS.replace("option_", "q.option_")
				+ ", q.answer, q.explanation, q.score, aq.option_order, aq.choices, aq.points"
				+ " from quiz_attempt_question aq join quiz_question q on q.id = aq.question_id"
				+ " where aq.attempt_id = :a order by aq.shown_order")
			.param("a", attemptId)
			.query((rs, n) -> new AttemptQuestion(rs.getLong(1), rs.getInt(2), QuestionType.valueOf(rs.getString(3)),
					rs.getString(4), options(rs, 5), rs.getString(11), rs.getString(12), rs.getInt(13), rs.getString(14),
					rs.getString(15), rs.getObject(16, Integer.class)))
			.list();
	}

	void saveChoices(long attemptId, long questionId, String choices, OffsetDateTime now) {
		jdbc.sql("update quiz_attempt_question set choices = :c, answered_at = :now where attempt_id = :a and question_id = :q")
			.param("c", choices).param("now", now).param("a", attemptId).param("q", questionId).update();
	}

	/** Closes an open attempt; 0 when it was closed already (by a submission or the clock), then nothing is graded. */
	int finish(long attemptId, AttemptStatus status, OffsetDateTime now, long timeUsedMs) {
		return jdbc.sql("update quiz_attempt set status = :s, finished_at = :now, time_used_ms = :t"
				+ " where id = :id and status = 'OPEN'")
			.param("s", status.name()).param("now", now).param("t", timeUsedMs).param("id", attemptId).update();
	}

	void grade(long attemptId, Map<Long, Integer> points, int score) {
		points.forEach((question, p) -> jdbc.sql("update quiz_attempt_question set points = :p where attempt_id = :a"
				+ " and question_id = :q").param("p", p).param("a", attemptId).param("q", question).update());
		jdbc.sql("update quiz_attempt set score = :s where id = :id").param("s", score).param("id", attemptId).update();
	}

	/** Open attempts whose time (with the grace) ran out before {@code before}, oldest first. */
	List<Long> overdueOpenAttempts(OffsetDateTime before, int limit) {
		return jdbc.sql("select id from quiz_attempt where status = 'OPEN' and deadline < :b order by deadline"
				+ " fetch first :n rows only")
			.param("b", before).param("n", limit).query(Long.class).list();
	}

	/** Finished attempts only; the best per person is the highest score, then the shortest time, then the first. */
	private static final String BEST = """
			(select a.person_id, a.score, a.time_used_ms, row_number() over (partition by a.person_id
			   order by a.score desc, a.time_used_ms, a.id) rn
			 from quiz_attempt a where a.quiz_id = :q and a.status <> 'OPEN') b""";

	/** Every person's best attempt, best first (the whole leaderboard, for {@link Leaderboards}). */
	List<QuizViews.PersonRank> personRanks(long quizId) {
		List<QuizViews.PersonRank> persons = new ArrayList<>();
		jdbc.sql("select b.person_id, p.name, o.name, b.score, b.time_used_ms from " + BEST + """
				 join person p on p.id = b.person_id join org o on o.id = p.organ_id where b.rn = 1
				order by b.score desc, b.time_used_ms, b.person_id""").param("q", quizId)
			.query(rs -> {
				persons.add(new QuizViews.PersonRank(persons.size() + 1, rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getInt(4), rs.getLong(5) / 1000));
			});
		return List.copyOf(persons);
	}

	/**
	 * Every organ of the audience: its active people, those with a finished attempt and their average
	 * best score, by participation rate, then average (set-based: one pass over the people and one over
	 * the attempts, not a count per organ).
	 */
	List<QuizViews.OrgRank> orgRanks(long quizId) {
		List<QuizViews.OrgRank> orgs = new ArrayList<>();
		jdbc.sql("""
				select o.id, o.name, coalesce(pc.people, 0) people, coalesce(bs.participants, 0) participants,
				  coalesce(bs.best_sum, 0) best_sum
				from org o
				left join (select organ_id, count(*) people from person where active = true group by organ_id) pc
				  on pc.organ_id = o.id
				left join (select p.organ_id, count(*) participants, sum(b.score) best_sum from """ + BEST + """
				   join person p on p.id = b.person_id where b.rn = 1 group by p.organ_id) bs on bs.organ_id = o.id
				where o.type = 'ORGAN' and o.active = true and exists (select 1 from quiz_audience qa
				  where qa.quiz_id = :q and (o.path like (qa.org_path || '%') or o.id = qa.member_organ_id))
				order by case when coalesce(pc.people, 0) = 0 then 0
				    else coalesce(bs.participants, 0) * 1.0 / pc.people end desc,
				  case when coalesce(bs.participants, 0) = 0 then 0 else bs.best_sum * 1.0 / bs.participants end desc,
				  o.id""").param("q", quizId)
			.query(rs -> {
				int people = rs.getInt(3);
				int participants = rs.getInt(4);
				BigDecimal rate = people == 0 ? BigDecimal.ZERO
						: BigDecimal.valueOf(participants).divide(BigDecimal.valueOf(people), 4, RoundingMode.HALF_UP);
				BigDecimal average = participants == 0 ? null
						: BigDecimal.valueOf(rs.getLong(5)).divide(BigDecimal.valueOf(participants), 2, RoundingMode.HALF_UP);
				orgs.add(new QuizViews.OrgRank(orgs.size() + 1, rs.getLong(1), rs.getString(2), people, participants, rate,
						average));
			});
		return List.copyOf(orgs);
	}
}
