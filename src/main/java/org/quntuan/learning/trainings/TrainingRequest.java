package org.quntuan.learning.trainings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.quntuan.organization.Targets;

/**
 * A new training class (培训班).
 *
 * @param audienceRule ANYONE (default), WOMEN_HEADS or FINANCE_OFFICERS, or their Chinese labels
 * @param targets the orgs whose people may be nominated; everyone when absent
 * @param quotaUnit ORGAN (default) or GROUP: what {@code quotaPerUnit} counts
 * @param attendancePercent the share of sessions a trainee must attend to complete (default 80)
 * @param examQuizId an optional final exam: a competition; with it, {@code examPassScore}
 */
public record TrainingRequest(String title, String description, String place, LocalDate startsOn, LocalDate endsOn,
		String audienceRule, Targets targets, String quotaUnit, Integer quotaPerUnit, Integer attendancePercent,
		Long examQuizId, Integer examPassScore, @Valid @Size(max = Trainings.MAX_SESSIONS) List<Session> sessions) {

	/** @param form LECTURE 专题讲座, FIELD 现场教学, CASE 案例分析, OUTWARD 拓展训练 (code or label) */
	public record Session(OffsetDateTime startsAt, OffsetDateTime endsAt, String place, String topic, String teacher,
			String form) {
	}
}
