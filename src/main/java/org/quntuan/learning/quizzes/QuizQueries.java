package org.quntuan.learning.quizzes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading competitions: the caller's list, a detail with their attempts, leaderboards, the review. */
@Service
@Transactional(readOnly = true)
class QuizQueries {

	/** Finished attempts only; the best per person is the highest score, then the shortest time, then the first. */
	private static final String BEST = "(select a.person_id, a.score, a.time_used_ms, row_number() over (partition by"
			+ " a.person_id order by a.score desc, a.time_used_ms, a.id) rn from quiz_attempt a where a.quiz_id = :q"
			+ " and a.status <> 'OPEN') b";

	/** Per organ of the audience: its active people, those with a finished attempt, the sum of their best scores. */
	private static final String ORGANS = "(select o.id, o.name,"
			+ " (select count(*) from person p where p.organ_id = o.id and p.active = true) people,"
			+ " (select count(distinct a.person_id) from quiz_attempt a join person p on p.id = a.person_id"
			+ " where a.quiz_id = :q and a.status <> 'OPEN' and p.organ_id = o.id) participants,"
			+ " (select coalesce(sum(a.score), 0) from quiz_attempt a join person p on p.id = a.person_id"
			+ " where a.quiz_id = :q and a.status <> 'OPEN' and p.organ_id = o.id and not exists (select 1 from quiz_attempt a2"
			+ " where a2.quiz_id = a.quiz_id and a2.person_id = a.person_id and a2.status <> 'OPEN'"
			+ " and (a2.score > a.score or a2.score = a.score and a2.id < a.id))) best_sum"
			+ " from org o where o.type = 'ORGAN' and o.active = true and exists (select 1 from quiz_audience qa"
			+ " where qa.quiz_id = :q and (o.path like (qa.org_path || '%') or o.id = qa.member_organ_id))) r";

	private final JdbcClient jdbc;

	private final QuizAccess access;

	private final QuizRepository quizzes;

	private final Clock clock;

	QuizQueries(JdbcClient jdbc, QuizAccess access, QuizRepository quizzes, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.quizzes = quizzes;
		this.clock = clock;
	}

	PageResult<QuizViews.Summary> list(PageRequest page) {
		CurrentUser user = access.current();
		SqlCondition visible = access.visibleSql(user);
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("me", user.personId() == null ? -1L : user.personId());
		OffsetDateTime now = OffsetDateTime.now(clock);
		String mine = "from quiz_attempt a where a.quiz_id = q.id and a.person_id = :me";
		return SqlPages.page(jdbc, "q.id, q.title, q.opens_at, q.closes_at, q.time_limit_seconds, q.attempts_allowed,"
				+ " q.draw_single + q.draw_multiple + q.draw_true_false, (select count(*) " + mine + "),"
				+ " (select max(a.score) " + mine + " and a.status <> 'OPEN'), (select max(a.id) " + mine
				+ " and a.status = 'OPEN'), q.bank_id, q.owner_org_id, o.path, q.draw_single, q.draw_multiple,"
				+ " q.draw_true_false", "from quiz q join org o on o.id = q.owner_org_id where " + visible.sql(),
				"q.closes_at desc, q.id desc", params, page, (rs, n) -> {
					OffsetDateTime opens = rs.getObject(3, OffsetDateTime.class);
					OffsetDateTime closes = rs.getObject(4, OffsetDateTime.class);
					return new QuizViews.Summary(rs.getLong(1), rs.getString(2), opens, closes, rs.getInt(5), rs.getInt(6),
							rs.getInt(7), QuizViews.phase(opens, closes, now), rs.getInt(8), rs.getObject(9, Integer.class),
							rs.getObject(10, Long.class));
				});
	}

	QuizViews.Detail detail(long id) {
		QuizRepository.QuizRow quiz = access.visible(id);
		CurrentUser user = access.current();
		List<QuizViews.MyAttempt> attempts = user.personId() == null ? List.of()
				: jdbc.sql("select id, seq, status, started_at, deadline, score, max_score, time_used_ms from quiz_attempt"
						+ " where quiz_id = :q and person_id = :p order by seq")
					.param("q", id).param("p", user.personId())
					.query((rs, n) -> new QuizViews.MyAttempt(rs.getLong(1), rs.getInt(2),
							AttemptStatus.valueOf(rs.getString(3)).toCodeLabel(), rs.getObject(4, OffsetDateTime.class),
							rs.getObject(5, OffsetDateTime.class), rs.getObject(6, Integer.class), rs.getInt(7),
							rs.getObject(8, Long.class) == null ? null : rs.getLong(8) / 1000))
					.list();
		return new QuizViews.Detail(quiz.id(), quiz.title(), quiz.bankId(), quiz.opensAt(), quiz.closesAt(),
				quiz.timeLimitSeconds(), quiz.attemptsAllowed(), quiz.draw(), quiz.drawTag(), quiz.fixedPaper(),
				QuizViews.phase(quiz.opensAt(), quiz.closesAt(), OffsetDateTime.now(clock)),
				access.inAudience(user, quiz), access.manages(user, quiz), attempts);
	}

	/** The best attempt of each person, best first; seen by the audience and the keepers. */
	PageResult<QuizViews.PersonRank> byPerson(long quizId, PageRequest page) {
		access.visible(quizId);
		return personRanks(quizId, page);
	}

	PageResult<QuizViews.PersonRank> personRanks(long quizId, PageRequest page) {
		return SqlPages.page(jdbc, "b.person_id, p.name, o.name, b.score, b.time_used_ms",
				"from " + BEST + " join person p on p.id = b.person_id join org o on o.id = p.organ_id where b.rn = 1",
				"b.score desc, b.time_used_ms, b.person_id", Map.of("q", quizId), page,
				(rs, n) -> new QuizViews.PersonRank((int) page.offset() + n + 1, rs.getLong(1), rs.getString(2),
						rs.getString(3), rs.getInt(4), rs.getLong(5) / 1000));
	}

	/** The organs of the audience by participation rate, then average best score. */
	PageResult<QuizViews.OrgRank> byOrg(long quizId, PageRequest page) {
		access.visible(quizId);
		return orgRanks(quizId, page);
	}

	PageResult<QuizViews.OrgRank> orgRanks(long quizId, PageRequest page) {
		return SqlPages.page(jdbc, "r.id, r.name, r.people, r.participants, r.best_sum", "from " + ORGANS,
				"case when r.people = 0 then 0 else r.participants * 1.0 / r.people end desc,"
						+ " case when r.participants = 0 then 0 else r.best_sum * 1.0 / r.participants end desc, r.id",
				Map.of("q", quizId), page, (rs, n) -> {
					int people = rs.getInt(3);
					int participants = rs.getInt(4);
					BigDecimal rate = people == 0 ? BigDecimal.ZERO
							: BigDecimal.valueOf(participants).divide(BigDecimal.valueOf(people), 4, RoundingMode.HALF_UP);
					BigDecimal average = participants == 0 ? null
							: BigDecimal.valueOf(rs.getLong(5)).divide(BigDecimal.valueOf(participants), 2, RoundingMode.HALF_UP);
					return new QuizViews.OrgRank((int) page.offset() + n + 1, rs.getLong(1), rs.getString(2), people,
							participants, rate, average);
				});
	}

	/** The caller's own finished attempt with answers and explanations, once the competition has closed. */
	AttemptViews.Review review(long attemptId) {
		CurrentUser user = access.current();
		QuizRepository.AttemptRow attempt = quizzes.attempt(attemptId).orElseThrow(NotFoundException::new);
		if (user.personId() == null || attempt.personId() != user.personId()) {
			throw new NotFoundException();
		}
		QuizRepository.QuizRow quiz = quizzes.find(attempt.quizId()).orElseThrow(NotFoundException::new);
		if (OffsetDateTime.now(clock).isBefore(quiz.closesAt())) {
			throw new BusinessRuleException("竞赛结束后（" + QuizAttempts.local(quiz.closesAt()) + "）才能查看答案和解析");
		}
		if (attempt.status() == AttemptStatus.OPEN) {
			throw new BusinessRuleException("该答卷尚未收卷，请稍后再查看");
		}
		List<AttemptViews.Reviewed> questions = quizzes.questions(attemptId).stream()
			.map(q -> new AttemptViews.Reviewed(q.questionId(), q.shownOrder(), q.type().toCodeLabel(), q.text(),
					AttemptViews.shownOptions(q), AttemptViews.shown(q, q.choices()), AttemptViews.shown(q, q.answer()),
					q.answer().equals(q.choices()), q.points() == null ? 0 : q.points(), q.score(), q.explanation()))
			.toList();
		return new AttemptViews.Review(attempt.id(), quiz.id(), quiz.title(), attempt.status().toCodeLabel(), attempt.score(),
				attempt.maxScore(), attempt.timeUsedMs() == null ? null : attempt.timeUsedMs() / 1000, questions);
	}

	/** The caller's attempt as it stands (to resume on a page); answers and explanations only through the review. */
	AttemptViews.Started current(long attemptId) {
		CurrentUser user = access.current();
		QuizRepository.AttemptRow attempt = quizzes.attempt(attemptId).orElseThrow(NotFoundException::new);
		if (user.personId() == null || attempt.personId() != user.personId()) {
			throw new NotFoundException();
		}
		QuizRepository.QuizRow quiz = quizzes.find(attempt.quizId()).orElseThrow(NotFoundException::new);
		OffsetDateTime now = OffsetDateTime.now(clock);
		long left = attempt.status() != AttemptStatus.OPEN ? 0
				: Math.max(0, Duration.between(now, attempt.deadline()).toSeconds());
		return new AttemptViews.Started(attempt.id(), quiz.id(), quiz.title(), attempt.seq(), attempt.startedAt(),
				attempt.deadline(), left, true,
				quizzes.questions(attemptId).stream().map(AttemptViews::question).toList());
	}

	AttemptViews.Submitted result(long attemptId) {
		CurrentUser user = access.current();
		QuizRepository.AttemptRow attempt = quizzes.attempt(attemptId).orElseThrow(NotFoundException::new);
		if (user.personId() == null || attempt.personId() != user.personId()) {
			throw new NotFoundException();
		}
		return QuizAttempts.submitted(attempt, true);
	}
}
