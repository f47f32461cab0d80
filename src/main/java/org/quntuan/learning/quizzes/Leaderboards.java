package org.quntuan.learning.quizzes;

import java.time.Duration;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A competition's two leaderboards, ranked together and kept for a while
 * ({@code quntuan.quizzes.leaderboard-ttl}): the whole audience opens them when the results come
 * out, and each is a ranking over every finished attempt (50,000 of a city-wide competition take
 * 0.2 to 0.5 s to rank), so at 50 requests a second they must not be ranked per request.
 * <p>
 * Nobody waits for a ranking but the first reader of a competition: when the kept boards have aged,
 * one request ranks them anew while the others are answered from the kept ones. A grading on this
 * node ages its competition's boards when it commits, though not to less than
 * {@code quntuan.quizzes.leaderboard-min-age} (during a live competition hundreds are graded a
 * second, and each would otherwise start a ranking); a grading on another node shows here within the
 * time-to-live. Pages and the Excel export are cut from the kept lists.
 */
@Component
class Leaderboards {

	private record Board(List<QuizViews.PersonRank> persons, List<QuizViews.OrgRank> orgs, long takenAt) {
	}

	private final QuizRepository quizzes;

	private final long ttlNanos;

	private final long minAgeNanos;

	/** The competitions being ranked now: one ranking at a time each. */
	private final Set<Long> ranking = ConcurrentHashMap.newKeySet();

	private final ConcurrentHashMap<Long, Board> boards = new ConcurrentHashMap<>();

	Leaderboards(QuizRepository quizzes, @Value("${quntuan.quizzes.leaderboard-ttl:PT15S}") Duration ttl,
			@Value("${quntuan.quizzes.leaderboard-min-age:PT2S}") Duration minAge) {
		this.quizzes = quizzes;
		this.ttlNanos = ttl.toNanos();
		this.minAgeNanos = Math.min(minAge.toNanos(), ttlNanos);
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
					age(quizId);
				}
			});
		}
		else {
			age(quizId);
		}
	}

	/** The kept boards count as expired once they are {@code min-age} old (at once if they are). */
	private void age(long quizId) {
		long expiresNoLaterThan = System.nanoTime() - ttlNanos + minAgeNanos;
		boards.computeIfPresent(quizId, (id, b) -> b.takenAt() <= expiresNoLaterThan ? b
				: new Board(b.persons(), b.orgs(), expiresNoLaterThan));
	}

	private boolean fresh(Board b) {
		return b != null && System.nanoTime() - b.takenAt() < ttlNanos;
	}

	private Board board(long quizId) {
		Board b = boards.get(quizId);
		if (fresh(b)) {
			return b;
		}
		if (b != null && !ranking.add(quizId)) {
			// another request is ranking it: the kept boards meanwhile
			return b;
		}
		if (b == null) {
			// the first readers wait for one ranking rather than each rank it
			return boards.compute(quizId, (id, old) -> old != null ? old : rank(id));
		}
		try {
			Board ranked = rank(quizId);
			boards.put(quizId, ranked);
			return ranked;
		}
		finally {
			ranking.remove(quizId);
		}
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
