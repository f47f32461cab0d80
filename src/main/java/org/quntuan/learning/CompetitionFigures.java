package org.quntuan.learning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year's knowledge competitions for other modules (the study record, the annual assessment, the
 * dashboard): what a person took part in with their best scores, and how an organization's people took
 * part. An attempt counts in the year (Beijing time) it was handed in or closed.
 */
@Service
@Transactional(readOnly = true)
public class CompetitionFigures {

	/** A competition the person took part in, with their best score. */
	public record Participation(long quizId, String title, int bestScore, int maxScore) {
	}

	/**
	 * @param participants people of the org's subtree with a finished attempt in the year
	 * @param participations person-competition pairs
	 * @param averageBestScore the average of each pair's best score; null without any
	 */
	public record OrgYear(long orgId, int year, int participants, int participations, BigDecimal averageBestScore) {
	}

	private static final String BEST_PER_QUIZ = "select a.quiz_id, max(a.score) best, max(a.max_score) max_score"
			+ " from quiz_attempt a where a.person_id = :p and a.status <> 'OPEN' and a.finished_at >= :from"
			+ " and a.finished_at < :to group by a.quiz_id";

	private final JdbcClient jdbc;

	CompetitionFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A competition used as a training class's final exam: its owner org (path) and window. */
	public record Exam(long quizId, String title, String ownerOrgPath, OffsetDateTime closesAt) {
	}

	public Optional<Exam> exam(long quizId) {
		return jdbc.sql("select q.id, q.title, o.path, q.closes_at from quiz q join org o on o.id = q.owner_org_id"
				+ " where q.id = :q")
			.param("q", quizId)
			.query((rs, n) -> new Exam(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class)))
			.optional();
	}

	/** Attempts of the competition still open (handed in within the grace, or not yet closed by the job). */
	public int openAttempts(long quizId) {
		return jdbc.sql("select count(*) from quiz_attempt where quiz_id = :q and status = 'OPEN'").param("q", quizId)
			.query(Integer.class).single();
	}

	/** Each person's best score in the competition, over the attempts handed in or closed; absent if none. */
	public Map<Long, Integer> bestScores(long quizId, Collection<Long> personIds) {
		Map<Long, Integer> best = new HashMap<>();
		List<Long> ids = List.copyOf(personIds);
		for (int from = 0; from < ids.size(); from += 500) {
			jdbc.sql("select person_id, max(score) from quiz_attempt where quiz_id = :q and status <> 'OPEN'"
					+ " and person_id in (:ids) group by person_id")
				.param("q", quizId).param("ids", ids.subList(from, Math.min(from + 500, ids.size())))
				.query(rs -> {
					best.put(rs.getLong(1), rs.getInt(2));
				});
		}
		return best;
	}

	public List<Participation> person(long personId, int year) {
		return jdbc.sql("select q.id, q.title, b.best, b.max_score from (" + BEST_PER_QUIZ + ") b join quiz q on q.id = b.quiz_id"
				+ " order by q.closes_at, q.id")
			.param("p", personId).param("from", start(year)).param("to", start(year + 1))
			.query((rs, n) -> new Participation(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/** The people of the org's subtree; for a 工会 / 团组织 / 妇委会, the people of its organ. */
	public OrgYear org(long orgId, int year) {
		// a 工会 / 团组织 / 妇委会 stands for the people of its organ
		String path = jdbc.sql("select case when o.type in ('UNION', 'LEAGUE', 'WOMEN') then (select u.path from org u"
				+ " where u.id = o.parent_id) else o.path end from org o where o.id = :o").param("o", orgId)
			.query(String.class).single();
		SqlCondition under = SqlCondition.pathUnder("o.path", "fp", List.of(path));
		return jdbc.sql("select count(distinct b.person_id), count(*), sum(b.best) from (select a.person_id, a.quiz_id,"
				+ " max(a.score) best from quiz_attempt a join person p on p.id = a.person_id join org o on o.id = p.organ_id"
				+ " where " + under.sql() + " and a.status <> 'OPEN' and a.finished_at >= :from and a.finished_at < :to"
				+ " group by a.person_id, a.quiz_id) b")
			.params(under.params()).param("from", start(year)).param("to", start(year + 1))
			.query((rs, n) -> {
				int pairs = rs.getInt(2);
				BigDecimal average = pairs == 0 ? null
						: BigDecimal.valueOf(rs.getLong(3)).divide(BigDecimal.valueOf(pairs), 2, RoundingMode.HALF_UP);
				return new OrgYear(orgId, year, rs.getInt(1), pairs, average);
			})
			.single();
	}

	private static OffsetDateTime start(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
	}
}
