package org.quntuan.learning.quizzes;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Question banks and their questions. */
@Repository
class QuestionBankRepository {

	record BankRef(long id, String name, long ownerOrgId, String ownerPath) {
	}

	/** A bank in a list: its question counts by type. */
	record BankSummary(long id, String name, String ownerName, int single, int multiple, int trueFalse) {
	}

	/** A question as its keepers see it, with answer and explanation. */
	record QuestionRow(long id, QuestionType type, String text, List<String> options, String answer, String explanation,
			int score, String tags) {
	}

	static final String OPTION_COLUMNS = "option_a, option_b, option_c, option_d, option_e, option_f";

	private final JdbcClient jdbc;

	QuestionBankRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, long ownerOrgId, long accountId, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into quiz_bank (name, owner_org_id, created_by_account_id, created_at) values (:n, :o, :a, :now)")
			.param("n", name).param("o", ownerOrgId).param("a", accountId).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<BankRef> find(long id) {
		return jdbc.sql("select b.id, b.name, b.owner_org_id, o.path from quiz_bank b join org o on o.id = b.owner_org_id"
				+ " where b.id = :id")
			.param("id", id)
			.query((rs, n) -> new BankRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
			.optional();
	}

	/** Locks the bank's row, so that two imports into one bank run one after the other. */
	void lock(long id) {
		jdbc.sql("select id from quiz_bank where id = :id for update").param("id", id).query(Long.class).single();
	}

	void insertQuestions(long bankId, List<QuestionValues> questions, OffsetDateTime now) {
		for (QuestionValues q : questions) {
			List<String> o = q.options();
			jdbc.sql("insert into quiz_question (bank_id, type, question_text, " + OPTION_COLUMNS
					+ ", answer, explanation, score, tags, created_at)"
					+ " values (:b, :t, :x, :a, :bb, :c, :d, :e, :f, :ans, :ex, :s, :tags, :now)")
				.param("b", bankId).param("t", q.type().name()).param("x", q.text())
				.param("a", option(o, 0)).param("bb", option(o, 1)).param("c", option(o, 2)).param("d", option(o, 3))
				.param("e", option(o, 4)).param("f", option(o, 5))
				.param("ans", q.answer()).param("ex", q.explanation()).param("s", q.score()).param("tags", q.tags())
				.param("now", now).update();
		}
	}

	private static String option(List<String> options, int i) {
		return i < options.size() ? options.get(i) : null;
	}

	/** Existing question texts of a bank by type and text, for refusing duplicates. */
	List<String> keys(long bankId) {
		return jdbc.sql("select type || ':' || question_text from quiz_question where bank_id = :b").param("b", bankId)
			.query(String.class).list();
	}

	Map<QuestionType, Integer> counts(long bankId) {
		Map<QuestionType, Integer> counts = new EnumMap<>(QuestionType.class);
		for (QuestionType t : QuestionType.values()) {
			counts.put(t, 0);
		}
		jdbc.sql("select type, count(*) from quiz_question where bank_id = :b group by type").param("b", bankId)
			.query(rs -> {
				counts.put(QuestionType.valueOf(rs.getString(1)), rs.getInt(2));
			});
		return counts;
	}

	PageResult<BankSummary> list(SqlCondition scope, PageRequest page) {
		String count = "(select count(*) from quiz_question qq where qq.bank_id = b.id and qq.type = '%s')";
		return SqlPages.page(jdbc, "b.id, b.name, o.name, " + count.formatted("SINGLE") + ", " + count.formatted("MULTIPLE")
				+ ", " + count.formatted("TRUE_FALSE"), "from quiz_bank b join org o on o.id = b.owner_org_id where "
						+ scope.sql(), "b.id desc", scope.params(), page,
				(rs, n) -> new BankSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
						rs.getInt(6)));
	}

	PageResult<QuestionRow> questions(long bankId, PageRequest page) {
		return SqlPages.page(jdbc, "id, type, question_text, " + OPTION_COLUMNS + ", answer, explanation, score, tags",
				"from quiz_question where bank_id = :b", "id", Map.of("b", bankId), page,
				(rs, n) -> new QuestionRow(rs.getLong(1), QuestionType.valueOf(rs.getString(2)), rs.getString(3),
						QuizRepository.options(rs, 4), rs.getString(10), rs.getString(11), rs.getInt(12), rs.getString(13)));
	}
}
