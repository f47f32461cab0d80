package org.quntuan.learning.quizzes;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.Valid;

import org.quntuan.organization.Targets;

/**
 * A new competition.
 *
 * @param draw questions drawn per attempt by type code (SINGLE, MULTIPLE, TRUE_FALSE)
 */
record QuizForm(String title, Long bankId, @Valid Targets audience, OffsetDateTime opensAt, OffsetDateTime closesAt,
		Integer timeLimitSeconds, Integer attemptsAllowed, Map<String, Integer> draw) {
}
