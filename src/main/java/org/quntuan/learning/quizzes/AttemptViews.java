package org.quntuan.learning.quizzes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What a participant sees of an attempt. Before review nothing here carries an answer or an explanation. */
final class AttemptViews {

	/** An option as shown: its letter in this attempt and its text. */
	record Option(String key, String text) {
	}

	/** A question as shown while answering. {@code choices}: the letters saved so far (as shown). */
	record Question(long id, int number, CodeLabel type, String text, List<Option> options, List<String> choices,
			int score) {
	}

	/** @param resumed true when an open attempt was taken up again rather than started */
	record Started(long attemptId, long quizId, String quizTitle, int attemptNumber, OffsetDateTime startedAt,
			OffsetDateTime deadline, long secondsLeft, boolean resumed, List<Question> questions) {
	}

	record Saved(long questionId, List<String> choices, OffsetDateTime savedAt) {
	}

	/** @param alreadySubmitted the attempt had been submitted before; the score is the one given then */
	record Submitted(long attemptId, CodeLabel status, int score, int maxScore, long timeUsedSeconds,
			boolean alreadySubmitted) {
	}

	/** A question after the competition closed: the choices, the correct letters (as shown) and the explanation. */
	record Reviewed(long id, int number, CodeLabel type, String text, List<Option> options, List<String> choices,
			List<String> answer, boolean correct, int points, int score, String explanation) {
	}

	record Review(long attemptId, long quizId, String quizTitle, CodeLabel status, Integer score, int maxScore,
			Long timeUsedSeconds, List<Reviewed> questions) {
	}

	private AttemptViews() {
	}

	static final String LETTERS = QuestionColumn.LETTERS;

	static List<Option> shownOptions(QuizRepository.AttemptQuestion q) {
		List<Option> options = new ArrayList<>();
		for (int i = 0; i < q.optionOrder().length(); i++) {
			int bankIndex = LETTERS.indexOf(q.optionOrder().charAt(i));
			options.add(new Option(String.valueOf(LETTERS.charAt(i)), q.options().get(bankIndex)));
		}
		return options;
	}

	/** Bank letters (AC) as the letters shown in this attempt, in shown order. */
	static List<String> shown(QuizRepository.AttemptQuestion q, String bankLetters) {
		List<String> shown = new ArrayList<>();
		if (bankLetters == null) {
			return shown;
		}
		for (int i = 0; i < q.optionOrder().length(); i++) {
			if (bankLetters.indexOf(q.optionOrder().charAt(i)) >= 0) {
				shown.add(String.valueOf(LETTERS.charAt(i)));
			}
		}
		return shown;
	}

	static Question question(QuizRepository.AttemptQuestion q) {
		return new Question(q.questionId(), q.shownOrder(), q.type().toCodeLabel(), q.text(), shownOptions(q),
				shown(q, q.choices()), q.score());
	}
}
