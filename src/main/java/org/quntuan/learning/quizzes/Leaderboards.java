package org.quntuan.learning.quizzes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A competition's two leaderboards, computed together and kept for a few seconds
 * ({@code quntuan.quizzes.leaderboard-ttl}): the whole audience opens them when the results come
 * out, and each is a ranking over every finished attempt (50,000 of a city-wide competition take
 * 0.2 to 0.5 s to rank), so at 50 requests a second they must not be ranked per request. A grading on
 * this node drops its competition's boards when it commits (the grader sees their own place at once);
 * one on another node shows here within the time-to-live. Pages and the Excel export are cut from
 * the kept lists.
 */
@Component
class Leaderboards {

	private record Board(List<QuizViews.PersonRank> persons, List<QuizViews.OrgRank> orgs, long takenAt) {
	}

	private final QuizRepository quizzes;

	private final long ttlNanos;

	private final ConcurrentHashMap<Long, Board> boards = new ConcurrentHashMap<>();

	Leaderboards(QuizRepository quizzes, @Value("${quntuan.quizzes.leaderboard-ttl:PT15S}") Duration ttl) {
		this.quizzes = quizzes;
		this.ttlNanos = ttl.toNanos();
	}

	PageResult<QuizViews.PersonRank> persons(long quizId, PageRequest page) {
		return slice(board(quizId).persons(), page);
	}

	PageResult<QuizViews.OrgRank> orgs(long quizId, PageRequest page) {
		return slice(board(quizId).orgs(), page);
	}

	/** Called where an attempt is graded: the boards are ranked anew after the commit. */
	void changed(long quizId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					boards.remove(quizId);
				}
			});
		}
		else {
			boards.remove(quizId);
		}
	}

	private boolean fresh(Board b) {
		return b != null && System.nanoTime() - b.takenAt() < ttlNanos;
	}

	private Board board(long quizId) {
		Board b = boards.get(quizId);
		if (fresh(b)) {
			return b;
		}
		// one ranking per competition at a time; the others wait for it rather than rank it too
		return boards.compute(quizId, (id, old) -> fresh(old) ? old : rank(id));
	}

	private static <T> PageResult<T> slice(List<T> all, PageRequest page) {
		int from = (int) Math.min(all.size(), page.offset());
		int to = Math.min(all.size(), from + page.size());
		return PageResult.of(all.subList(from, to), page, all.size());
	}

	private Board rank(long quizId) {
		long takenAt = System.nanoTime();
		return new Board(quizzes.personRanks(quizId), quizzes.orgRanks(quizId), takenAt);
	}
}
