package org.quntuan.learning.quizzes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.CodeLabel;

/** Competitions as the lists, the detail and the leaderboards show them. */
final class QuizViews {

	/**
	 * @param phase NOT_STARTED / OPEN / CLOSED
	 * @param bestScore the caller's best score so far, null before a finished attempt
	 */
	record Summary(long id, String title, OffsetDateTime opensAt, OffsetDateTime closesAt, int timeLimitSeconds,
			int attemptsAllowed, int questionCount, CodeLabel phase, int attemptsUsed, Integer bestScore,
			Long openAttemptId) {
	}

	record MyAttempt(long id, int number, CodeLabel status, OffsetDateTime startedAt, OffsetDateTime deadline,
			Integer score, int maxScore, Long timeUsedSeconds) {
	}

	/**
	 * @param draw questions per attempt by type (for a fixed paper: the paper's questions by type)
	 * @param drawTag the tag a random paper is drawn from, null for all questions
	 * @param fixedPaper whether every attempt gets the same listed questions
	 * @param manages whether the caller keeps the competition (leaderboard export)
	 */
	record Detail(long id, String title, long bankId, OffsetDateTime opensAt, OffsetDateTime closesAt,
			int timeLimitSeconds, int attemptsAllowed, Map<QuestionType, Integer> draw, String drawTag,
			boolean fixedPaper, CodeLabel phase,
			boolean inAudience, boolean manages, List<MyAttempt> attempts) {
	}

	/** A person's best attempt; ties of score are broken by time used. */
	record PersonRank(int rank, long personId, String name, String organName, int score, long timeUsedSeconds) {
	}

	/** An organ of the audience: its people, how many took part, the rate and their average best score. */
	record OrgRank(int rank, long orgId, String name, int people, int participants, BigDecimal participationRate,
			BigDecimal averageScore) {
	}

	private QuizViews() {
	}

	static CodeLabel phase(OffsetDateTime opensAt, OffsetDateTime closesAt, OffsetDateTime now) {
		if (now.isBefore(opensAt)) {
			return new CodeLabel("NOT_STARTED", "未开始");
		}
		return now.isBefore(closesAt) ? new CodeLabel("OPEN", "进行中") : new CodeLabel("CLOSED", "已结束");
	}
}
