package org.quntuan.learning.quizzes;

import java.time.OffsetDateTime;

import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the access matrix test (org.quntuan.web) tries the competition endpoints on, made once
 * straight in the database: a bank and a closed competition of 市财政局工会 for 市财政局 (member1 has a
 * submitted attempt there), and the same for 市教育局工会 and 市教育局 (orgadmin2's attempt). Closed, so
 * that starting an attempt changes nothing (422 for whoever may take part).
 */
public final class QuizMatrixObjects {

	private QuizMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		boolean own = relation.equals("OWN");
		if (!own && !relation.equals("SIBLING")) {
			return null;
		}
		String union = own ? "市财政局工会" : "市教育局工会";
		String organ = own ? "市财政局" : "市教育局";
		String user = own ? "member1" : "orgadmin2";
		long bank = bank(jdbc, "矩阵测试题库-" + union, union);
		if (endpoint.contains("/question-banks/{id}") || endpoint.contains("/quizzes/banks/{id}")) {
			return bank;
		}
		long quiz = quiz(jdbc, "矩阵测试竞赛-" + union, bank, organ);
		if (endpoint.contains("/quizzes/{id}")) {
			return quiz;
		}
		return attempt(jdbc, quiz, bank, user);
	}

	private static long id(JdbcClient jdbc, String sql, String name, Object value) {
		return jdbc.sql(sql).param(name, value).query(Long.class).single();
	}

	private static long bank(JdbcClient jdbc, String name, String owner) {
		Long id = jdbc.sql("select id from quiz_bank where name = :n").param("n", name).query(Long.class).optional().orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		jdbc.sql("insert into quiz_bank (name, owner_org_id, created_by_account_id, created_at) values (:n, :o, 1, :now)")
			.param("n", name).param("o", id(jdbc, "select id from org where name = :n", "n", owner)).param("now", now).update();
		id = id(jdbc, "select id from quiz_bank where name = :n", "n", name);
		jdbc.sql("insert into quiz_question (bank_id, type, question_text, option_a, option_b, answer, explanation, score,"
				+ " created_at) values (:b, 'SINGLE', '矩阵测试题', '甲', '乙', 'A', '矩阵测试解析', 1, :now)")
			.param("b", id).param("now", now).update();
		return id;
	}

	private static long quiz(JdbcClient jdbc, String title, long bank, String organ) {
		Long id = jdbc.sql("select id from quiz where title = :t").param("t", title).query(Long.class).optional().orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		jdbc.sql("insert into quiz (title, bank_id, owner_org_id, audience, opens_at, closes_at, time_limit_seconds,"
				+ " attempts_allowed, draw_single, draw_multiple, draw_true_false, created_by_account_id, created_at)"
				+ " select :t, b.id, b.owner_org_id, '{}', :o, :c, 600, 1, 1, 0, 0, 1, :now from quiz_bank b where b.id = :b")
			.param("t", title).param("o", now.minusDays(2)).param("c", now.minusDays(1)).param("now", now).param("b", bank)
			.update();
		id = id(jdbc, "select id from quiz where title = :t", "t", title);
		jdbc.sql("insert into quiz_audience (quiz_id, org_id, org_path, member_organ_id) select :q, id, path, null from org"
				+ " where name = :n").param("q", id).param("n", organ).update();
		return id;
	}

	private static long attempt(JdbcClient jdbc, long quiz, long bank, String username) {
		long person = id(jdbc, "select person_id from account where username = :u", "u", username);
		Long id = jdbc.sql("select id from quiz_attempt where quiz_id = :q and person_id = :p").param("q", quiz)
			.param("p", person).query(Long.class).optional().orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime started = OffsetDateTime.now(TestClock.CLOCK).minusDays(1).minusHours(2);
		jdbc.sql("insert into quiz_attempt (quiz_id, person_id, seq, status, started_at, deadline, finished_at, score,"
				+ " max_score, time_used_ms) values (:q, :p, 1, 'SUBMITTED', :s, :d, :f, 1, 1, 60000)")
			.param("q", quiz).param("p", person).param("s", started).param("d", started.plusMinutes(10))
			.param("f", started.plusMinutes(1)).update();
		id = jdbc.sql("select id from quiz_attempt where quiz_id = :q and person_id = :p").param("q", quiz).param("p", person)
			.query(Long.class).single();
		jdbc.sql("insert into quiz_attempt_question (attempt_id, question_id, shown_order, option_order, choices, points)"
				+ " select :a, id, 1, 'BA', 'A', 1 from quiz_question where bank_id = :b").param("a", id).param("b", bank).update();
		return id;
	}
}
