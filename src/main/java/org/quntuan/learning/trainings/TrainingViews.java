package org.quntuan.learning.trainings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the pages and the API show of training classes. */
public final class TrainingViews {

	private TrainingViews() {
	}

	public record Summary(long id, String title, String place, LocalDate startsOn, LocalDate endsOn, CodeLabel status,
			String ownerOrgName, boolean trainee) {
	}

	public record Session(long id, OffsetDateTime startsAt, OffsetDateTime endsAt, String place, String topic,
			String teacher, CodeLabel form, Boolean attended) {
	}

	/**
	 * A trainee on the roster.
	 *
	 * @param attendedSessions ids of the sessions attended
	 * @param completed null until the class is finished
	 */
	public record Trainee(long id, long personId, String name, String organName, String quotaUnitName,
			String nominatorName, OffsetDateTime nominatedAt, int attended, int sessions, List<Long> attendedSessions,
			Boolean completed, String certificateNumber, String certificateCode) {
	}

	/** How many of the quota one unit has used. */
	public record QuotaUse(String unitName, int nominated, int quota) {
	}

	/**
	 * @param organizer whether the caller organizes the class (confirm, attendance, finish)
	 * @param canNominate whether the caller may nominate now
	 * @param me the caller's own place on the roster; null if not a trainee
	 * @param roster the trainees the caller may see
	 */
	public record Detail(long id, String title, String description, String place, LocalDate startsOn, LocalDate endsOn,
			CodeLabel audienceRule, CodeLabel quotaUnit, int quotaPerUnit, int attendancePercent, Long examQuizId,
			String examTitle, Integer examPassScore, CodeLabel status, String ownerOrgName, String creatorName,
			List<Session> sessions, boolean organizer, boolean canNominate, Trainee me, List<Trainee> roster,
			List<QuotaUse> quotas) {
	}

	/** A certificate as its holder sees it in the study record. */
	public record Certificate(String number, String code, long trainingId, String trainingTitle, LocalDate issuedOn) {
	}

	/** The public verification page: the holder's name partly masked, the class and the date, nothing else. */
	public record Verification(String maskedHolder, String trainingTitle, LocalDate startsOn, LocalDate endsOn,
			LocalDate issuedOn) {
	}
}
