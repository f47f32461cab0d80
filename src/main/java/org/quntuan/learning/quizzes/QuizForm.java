package org.quntuan.learning.quizzes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.quntuan.organization.Targets;

/**
 * A new competition.
 *
 * @param draw questions drawn per attempt by type code (SINGLE, MULTIPLE, TRUE_FALSE); or
 * @param questionIds a fixed paper: these questions of the bank in every attempt (exactly one of the two)
 * @param drawTag with {@code draw}: draw only questions carrying this tag (optional)
 */
record QuizForm(String title, Long bankId, @Valid Targets audience, OffsetDateTime opensAt, OffsetDateTime closesAt,
		Integer timeLimitSeconds, Integer attemptsAllowed, Map<String, Integer> draw, List<Long> questionIds,
		String drawTag) {
}
