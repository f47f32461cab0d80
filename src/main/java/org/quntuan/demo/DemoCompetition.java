package org.quntuan.demo;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A city-wide knowledge competition on the 工会法 and the 劳动法: a bank of 30 questions (the facts as the
 * laws state them), open from five days ago for three weeks by the injected clock, each paper 10 single
 * choice, 4 multiple choice and 6 true/false questions drawn at random (5 points each), and the handed-in
 * attempts of a few people (not those of the named demo accounts, who take it themselves) so that the
 * leaderboards are not empty.
 */
@Component
@Profile("demo")
@Order(66)
class DemoCompetition implements ApplicationRunner {

	static final String TITLE = "市直机关职工《工会法》《劳动法》知识竞赛";

	static final int SCORE = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoCompetition(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from quiz where title = :t").param("t", TITLE).query(Long.class).single() > 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		var root = jdbc.sql("select id, path from org where parent_id is null order by id fetch first 1 rows only")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		long rootId = (Long) root[0];
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into quiz_bank (name, owner_org_id, created_by_account_id, created_at)
				values ('工会法和劳动法知识题库', :root, :admin, :now)""")
			.param("root", rootId).param("admin", admin).param("now", now.minusDays(7)).update(keys, "id");
		long bank = keys.getKey().longValue();
		List<Long> single = new ArrayList<>();
		List<Long> multiple = new ArrayList<>();
		List<Long> trueFalse = new ArrayList<>();
		for (DemoQuestions.Question q : DemoQuestions.ALL) {
			keys = new GeneratedKeyHolder();
			List<String> o = q.options();
			jdbc.sql("""
					insert into quiz_question (bank_id, type, question_text, option_a, option_b, option_c, option_d,
					  option_e, option_f, answer, explanation, score, tags, created_at)
					values (:b, :type, :text, :a, :bb, :c, :d, null, null, :answer, :ex, :score, :tags, :now)""")
				.param("b", bank).param("type", q.type()).param("text", q.text()).param("a", option(o, 0))
				.param("bb", option(o, 1)).param("c", option(o, 2), Types.VARCHAR).param("d", option(o, 3), Types.VARCHAR)
				.param("answer", q.answer())
				.param("ex", q.explanation()).param("score", SCORE).param("tags", q.tags()).param("now", now.minusDays(7))
				.update(keys, "id");
			long id = keys.getKey().longValue();
			(switch (q.type()) {
				case "SINGLE" -> single;
				case "MULTIPLE" -> multiple;
				default -> trueFalse;
			}).add(id);
		}
		keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into quiz (title, bank_id, owner_org_id, audience, opens_at, closes_at, time_limit_seconds,
				  attempts_allowed, draw_single, draw_multiple, draw_true_false, draw_tag, fixed_paper,
				  created_by_account_id, created_at)
				values (:title, :bank, :root, '{"all":true}', :opens, :closes, 1200, 2, 10, 4, 6, null, false, :admin, :created)""")
			.param("title", TITLE).param("bank", bank).param("root", rootId).param("opens", now.minusDays(5))
			.param("closes", now.plusDays(16)).param("admin", admin).param("created", now.minusDays(6)).update(keys, "id");
		long quiz = keys.getKey().longValue();
		jdbc.sql("insert into quiz_audience (quiz_id, org_id, org_path, member_organ_id) values (:q, :o, :p, null)")
			.param("q", quiz).param("o", rootId).param("p", root[1]).update();
		attempts(quiz, now, single, multiple, trueFalse);
	}

	/** Handed-in attempts of people other than the named demo accounts, each graded as the server grades: 5 per right answer. */
	private void attempts(long quiz, OffsetDateTime now, List<Long> single, List<Long> multiple, List<Long> trueFalse) {
		List<Long> people = jdbc.sql("""
				select p.id from person p where p.active = true
				  and not exists (select 1 from account a where a.person_id = p.id and (a.username in ('admin', 'orgadmin1',
				    'orgadmin2', 'member1', 'finance1', 'auditor1', 'info1') or a.username like 'group%'))
				order by p.id fetch first 8 rows only""").query(Long.class).list();
		Random random = new Random(20261206L);
		for (int k = 0; k < people.size(); k++) {
			List<Long> paper = new ArrayList<>();
			paper.addAll(draw(single, 10, random));
			paper.addAll(draw(multiple, 4, random));
			paper.addAll(draw(trueFalse, 6, random));
			OffsetDateTime started = now.minusDays(4).plusHours(k * 5L).plusMinutes(random.nextInt(50));
			long usedMs = (6 * 60 + random.nextInt(11 * 60)) * 1000L;
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into quiz_attempt (quiz_id, person_id, seq, status, started_at, deadline, max_score)
					values (:q, :p, 1, 'SUBMITTED', :st, :dl, :max)""")
				.param("q", quiz).param("p", people.get(k)).param("st", started).param("dl", started.plusSeconds(1200))
				.param("max", paper.size() * SCORE).update(keys, "id");
			long attempt = keys.getKey().longValue();
			// the better hands first: the board shows a spread of scores
			double skill = 0.95 - k * 0.06;
			int score = 0;
			int order = 0;
			for (long question : paper) {
				String[] q = jdbc.sql("select answer, type from quiz_question where id = :id").param("id", question)
					.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).single();
				boolean right = random.nextDouble() < skill;
				String choices = right ? q[0] : wrong(q[0], q[1]);
				int points = right ? SCORE : 0;
				score += points;
				jdbc.sql("""
						insert into quiz_attempt_question (attempt_id, question_id, shown_order, option_order, choices,
						  answered_at, points)
						values (:a, :q, :o, :oo, :c, :at, :pts)""")
					.param("a", attempt).param("q", question).param("o", ++order)
					.param("oo", q[1].equals("TRUE_FALSE") ? "AB" : "ABCD").param("c", choices)
					.param("at", started.plusSeconds(order * 25L)).param("pts", points).update();
			}
			jdbc.sql("""
					update quiz_attempt set score = :s, finished_at = :f, time_used_ms = :t where id = :a""")
				.param("s", score).param("f", started.plusNanos(usedMs * 1_000_000L)).param("t", usedMs).param("a", attempt)
				.update();
		}
	}

	private static List<Long> draw(List<Long> ids, int n, Random random) {
		List<Long> copy = new ArrayList<>(ids);
		Collections.shuffle(copy, random);
		return copy.subList(0, Math.min(n, copy.size()));
	}

	/** A wrong choice: the other of 对 / 错, another letter, or a multiple choice with one letter short. */
	private static String wrong(String answer, String type) {
		if (type.equals("TRUE_FALSE")) {
			return answer.equals("A") ? "B" : "A";
		}
		if (type.equals("MULTIPLE")) {
			return answer.substring(0, answer.length() - 1);
		}
		return answer.equals("A") ? "B" : "A";
	}

	private static String option(List<String> options, int i) {
		return i < options.size() ? options.get(i) : null;
	}
}
