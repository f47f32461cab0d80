package org.quntuan.learning.quizzes;

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

	private final JdbcClient jdbc;

	private final QuizAccess access;

	private final QuizRepository quizzes;

	private final Clock clock;

	private final Leaderboards leaderboards;

	QuizQueries(JdbcClient jdbc, QuizAccess access, QuizRepository quizzes, Clock clock, Leaderboards leaderboards) {
		this.jdbc = jdbc;
		this.access = access;
		this.quizzes = quizzes;
		this.clock = clock;
		this.leaderboards = leaderboards;
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
		return leaderboards.persons(quizId, page);
	}

	/** The organs of the audience by participation rate, then average best score. */
	PageResult<QuizViews.OrgRank> byOrg(long quizId, PageRequest page) {
		access.visible(quizId);
		return orgRanks(quizId, page);
	}

	PageResult<QuizViews.OrgRank> orgRanks(long quizId, PageRequest page) {
		return leaderboards.orgs(quizId, page);
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
			throw new BusinessRuleException("quiz.error.review-too-early", QuizAttempts.local(quiz.closesAt()));
		}
		if (attempt.status() == AttemptStatus.OPEN) {
			throw new BusinessRuleException("quiz.error.review-not-closed");
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
