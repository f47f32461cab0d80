package org.quntuan.learning.quizzes;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking a competition on the server's clock. Starting draws the paper at random (or takes the fixed
 * paper in a random order) and shuffles the options of each choice question (the order is stored with the attempt); an open attempt is taken
 * up again instead. Each answer is saved as it is given. Submission after the deadline plus
 * {@link #GRACE} is refused and the attempt is closed with the answers saved in time. Grading happens
 * exactly once: only the transaction whose conditional update takes the attempt out of OPEN grades it.
 */
@Service
@Transactional
class QuizAttempts {

	/** Allowance for the network between the phone and the server. */
	static final Duration GRACE = Duration.ofSeconds(5);

	/** The outcome of a submission; {@code late}: refused, the attempt was closed with what was saved. */
	record Outcome(AttemptViews.Submitted result, boolean late) {
	}

	private final QuizRepository quizzes;

	private final QuizAccess access;

	private final AuditLog audit;

	private final Clock clock;

	private final Leaderboards leaderboards;

	private final Random random = new SecureRandom();

	QuizAttempts(QuizRepository quizzes, QuizAccess access, AuditLog audit, Clock clock, Leaderboards leaderboards) {
		this.leaderboards = leaderboards;
		this.quizzes = quizzes;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Starts an attempt, or takes up the caller's open one. Two starts at once by one person both try
	 * the same attempt number; the database lets one through and the other fails with a duplicate key
	 * (the caller retries and resumes the attempt that won). Every refusal comes before anything is
	 * written except the closing of an expired attempt, which stands even when the new start is refused.
	 */
	@Transactional(noRollbackFor = BusinessRuleException.class)
	AttemptViews.Started start(long quizId) {
		QuizRepository.QuizRow quiz = access.visible(quizId);
		long personId = access.participant(quiz);
		OffsetDateTime now = OffsetDateTime.now(clock);
		// counted before looking for an open attempt: one that a second start commits in between then shows
		// as open (and is resumed), never as counted but unseen (which would refuse the start as over the limit)
		int done = quizzes.attemptCount(quizId, personId);
		QuizRepository.AttemptRow open = quizzes.openAttempt(quizId, personId).orElse(null);
		if (open != null) {
			if (!now.isAfter(open.deadline().plus(GRACE))) {
				return view(quiz, open, now, true);
			}
			close(quiz, open, AttemptStatus.EXPIRED, now);
		}
		if (now.isBefore(quiz.opensAt())) {
			throw new BusinessRuleException("quiz.error.not-open-yet", local(quiz.opensAt()));
		}
		if (!now.isBefore(quiz.closesAt())) {
			throw new BusinessRuleException("quiz.error.closed", local(quiz.closesAt()));
		}
		if (done >= quiz.attemptsAllowed()) {
			throw new BusinessRuleException("quiz.error.attempts-used", quiz.attemptsAllowed(), done);
		}
		List<QuizRepository.Drawn> drawn = draw(quiz);
		int maxScore = drawn.stream().mapToInt(QuizRepository.Drawn::score).sum();
		OffsetDateTime deadline = now.plusSeconds(quiz.timeLimitSeconds());
		if (deadline.isAfter(quiz.closesAt())) {
			deadline = quiz.closesAt();
		}
		long id = quizzes.insertAttempt(quizId, personId, done + 1, now, deadline, maxScore);
		quizzes.insertQuestions(id, drawn);
		audit.record(AuditType.CREATE, "QUIZ_ATTEMPT", id, AuditLog.SUCCESS,
				Texts.chinese("quiz.audit.attempt-started", quiz.title(), done + 1), quiz.ownerPath());
		return view(quiz, quizzes.attempt(id).orElseThrow(), now, false);
	}

	/** Saves the choices (letters as shown) for one question, replacing what was saved; an empty list clears it. */
	AttemptViews.Saved answer(long attemptId, long questionId, List<String> choices) {
		QuizRepository.AttemptRow attempt = mine(attemptId, true);
		if (choices == null) {
			throw new InvalidValueException("choices", "quiz.error.choices-required");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (attempt.status() != AttemptStatus.OPEN) {
			throw new BusinessRuleException("quiz.error.attempt-closed", attempt.status());
		}
		if (now.isAfter(attempt.deadline().plus(GRACE))) {
			throw new BusinessRuleException("quiz.error.deadline-passed", local(attempt.deadline()));
		}
		QuizRepository.AttemptQuestion question = quizzes.questions(attemptId).stream()
			.filter(q -> q.questionId() == questionId).findFirst()
			.orElseThrow(() -> new BusinessRuleException("quiz.error.question-not-in-attempt", questionId));
		String bankLetters = bankLetters(question, choices);
		quizzes.saveChoices(attemptId, questionId, bankLetters, now);
		QuizRepository.QuizRow quiz = quizzes.find(attempt.quizId()).orElseThrow();
		audit.record(AuditType.UPDATE, "QUIZ_ATTEMPT", attemptId, AuditLog.SUCCESS,
				Texts.chinese("quiz.audit.answered", quiz.title(), question.shownOrder()), quiz.ownerPath());
		return new AttemptViews.Saved(questionId, AttemptViews.shown(question, bankLetters), now);
	}

	/** Hands in the attempt and grades it; late (after the deadline and the grace) it is closed as it stood. */
	Outcome submit(long attemptId) {
		QuizRepository.AttemptRow attempt = mine(attemptId, false);
		QuizRepository.QuizRow quiz = quizzes.find(attempt.quizId()).orElseThrow();
		OffsetDateTime now = OffsetDateTime.now(clock);
		boolean late = now.isAfter(attempt.deadline().plus(GRACE));
		AttemptStatus status = late ? AttemptStatus.EXPIRED : AttemptStatus.SUBMITTED;
		Integer score = close(quiz, attempt, status, now);
		if (score == null) {
			// closed before, by an earlier submission or the clock: the result stands, nothing is graded again
			QuizRepository.AttemptRow done = quizzes.attempt(attemptId).orElseThrow();
			return new Outcome(submitted(done, true), done.status() == AttemptStatus.EXPIRED);
		}
		return new Outcome(submitted(quizzes.attempt(attemptId).orElseThrow(), false), late);
	}

	/** Closes the open attempts whose time ran out without a submission; for the job. */
	int closeOverdue(int limit) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		int closed = 0;
		for (long id : quizzes.overdueOpenAttempts(now.minus(GRACE), limit)) {
			QuizRepository.AttemptRow attempt = quizzes.attempt(id).orElseThrow();
			QuizRepository.QuizRow quiz = quizzes.find(attempt.quizId()).orElseThrow();
			if (close(quiz, attempt, AttemptStatus.EXPIRED, now) != null) {
				closed++;
			}
		}
		return closed;
	}

	/**
	 * Takes the attempt out of OPEN and grades it, if this call is the one that changed it; null when
	 * the attempt had been closed already.
	 */
	private Integer close(QuizRepository.QuizRow quiz, QuizRepository.AttemptRow attempt, AttemptStatus status,
			OffsetDateTime now) {
		OffsetDateTime end = status == AttemptStatus.EXPIRED || now.isAfter(attempt.deadline()) ? attempt.deadline() : now;
		long used = Math.max(0, Duration.between(attempt.startedAt(), end).toMillis());
		if (quizzes.finish(attempt.id(), status, now, used) == 0) {
			return null;
		}
		Map<Long, Integer> points = new HashMap<>();
		int score = 0;
		for (QuizRepository.AttemptQuestion q : quizzes.questions(attempt.id())) {
			int p = q.answer().equals(q.choices()) ? q.score() : 0;
			points.put(q.questionId(), p);
			score += p;
		}
		quizzes.grade(attempt.id(), points, score);
		leaderboards.changed(quiz.id());
		audit.record(status == AttemptStatus.EXPIRED ? AuditType.CANCEL : AuditType.UPDATE, "QUIZ_ATTEMPT", attempt.id(),
				AuditLog.SUCCESS, Texts.chinese(status == AttemptStatus.EXPIRED ? "quiz.audit.expired" : "quiz.audit.submitted",
						quiz.title(), score, attempt.maxScore()), quiz.ownerPath());
		return score;
	}

	/** The caller's own attempt (404 for anyone else's), locked when it is about to change. */
	private QuizRepository.AttemptRow mine(long attemptId, boolean lock) {
		CurrentUser user = access.current();
		QuizRepository.AttemptRow attempt = (lock ? quizzes.lockAttempt(attemptId) : quizzes.attempt(attemptId))
			.orElseThrow(NotFoundException::new);
		if (user.personId() == null || attempt.personId() != user.personId()) {
			throw new NotFoundException();
		}
		return attempt;
	}

	/** The shown letters as the bank's letters, in order; refuses a letter this question does not show. */
	static String bankLetters(QuizRepository.AttemptQuestion question, List<String> choices) {
		int count = question.optionOrder().length();
		String last = String.valueOf(AttemptViews.LETTERS.charAt(count - 1));
		TreeSet<Character> letters = new TreeSet<>();
		for (String choice : choices) {
			String c = choice == null ? "" : choice.strip().toUpperCase();
			int index = c.length() == 1 ? AttemptViews.LETTERS.indexOf(c.charAt(0)) : -1;
			if (index < 0 || index >= count) {
				throw new BusinessRuleException("quiz.error.option-unknown", choice == null ? "" : choice, last);
			}
			if (!letters.add(question.optionOrder().charAt(index))) {
				throw new BusinessRuleException("quiz.error.option-twice", c);
			}
		}
		if (question.type() != QuestionType.MULTIPLE && letters.size() > 1) {
			throw new BusinessRuleException("quiz.error.one-option-only", question.type());
		}
		if (letters.isEmpty()) {
			return null;
		}
		StringBuilder sb = new StringBuilder();
		letters.forEach(sb::append);
		return sb.toString();
	}

	/**
	 * A fixed paper's questions in a random order, or N questions of each type at random (only those
	 * with the competition's tag, if it has one); each choice question's options in a random order.
	 */
	private List<QuizRepository.Drawn> draw(QuizRepository.QuizRow quiz) {
		List<Long> ids = new ArrayList<>();
		if (quiz.fixedPaper()) {
			ids.addAll(quizzes.paper(quiz.id()));
			Collections.shuffle(ids, random);
		}
		for (QuestionType type : QuestionType.values()) {
			int n = quiz.draw().get(type);
			if (quiz.fixedPaper() || n == 0) {
				continue;
			}
			List<Long> pool = new ArrayList<>(quizzes.questionIds(quiz.bankId(), type, quiz.drawTag()));
			if (pool.size() < n) {
				throw new NotEnoughQuestions(null, type, quiz.drawTag(), pool.size(), n, "quiz.error.not-enough.contact");
			}
			Collections.shuffle(pool, random);
			ids.addAll(pool.subList(0, n));
		}
		Map<Long, QuizRepository.Shape> shapes = quizzes.shapes(ids);
		List<QuizRepository.Drawn> drawn = new ArrayList<>();
		for (long id : ids) {
			QuizRepository.Shape shape = shapes.get(id);
			List<Character> letters = new ArrayList<>();
			for (int i = 0; i < shape.options(); i++) {
				letters.add(AttemptViews.LETTERS.charAt(i));
			}
			// 对 stays before 错: shuffling two fixed words only confuses
			if (!shape.trueFalse()) {
				Collections.shuffle(letters, random);
			}
			StringBuilder order = new StringBuilder();
			letters.forEach(order::append);
			drawn.add(new QuizRepository.Drawn(id, order.toString(), shape.score()));
		}
		return drawn;
	}

	private AttemptViews.Started view(QuizRepository.QuizRow quiz, QuizRepository.AttemptRow attempt, OffsetDateTime now,
			boolean resumed) {
		List<AttemptViews.Question> questions = quizzes.questions(attempt.id()).stream().map(AttemptViews::question).toList();
		long left = Math.max(0, Duration.between(now, attempt.deadline()).toSeconds());
		return new AttemptViews.Started(attempt.id(), quiz.id(), quiz.title(), attempt.seq(), attempt.startedAt(),
				attempt.deadline(), left, resumed, questions);
	}

	static AttemptViews.Submitted submitted(QuizRepository.AttemptRow a, boolean before) {
		return new AttemptViews.Submitted(a.id(), a.status().toCodeLabel(), a.score() == null ? 0 : a.score(), a.maxScore(),
				a.timeUsedMs() == null ? 0 : a.timeUsedMs() / 1000, before);
	}

	static String local(OffsetDateTime t) {
		return t.atZoneSameInstant(Zones.BUSINESS).toLocalDateTime().toString().replace('T', ' ');
	}
}
