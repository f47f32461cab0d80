package org.quntuan.activity;

import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the API and the pages show of activities. */
public final class ActivityViews {

	private ActivityViews() {
	}

	/** One line of a list; my* are the caller's own registration, null if none. */
	public record Card(long id, String title, CodeLabel type, String organizerName, String place,
			OffsetDateTime startAt, OffsetDateTime endAt, OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt,
			int seats, int confirmedCount, int pendingCount, CodeLabel status, CodeLabel myStatus,
			Integer myWaitlistPosition, OffsetDateTime myAttendedAt, Long coverFileId) {

		public int freeSeats() {
			return Math.max(0, seats - confirmedCount - pendingCount);
		}
	}

	public record Detail(long id, String title, CodeLabel type, long organizerOrgId, String organizerName,
			Long seriesId, Long clubId, String description, Long coverFileId, String place, OffsetDateTime startAt,
			OffsetDateTime endAt, OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt,
			OffsetDateTime cancelDeadline, int seats, boolean needsApproval, CodeLabel gender, Integer minAge,
			Integer maxAge, CodeLabel status, int confirmedCount, int pendingCount, int waitingCount,
			List<String> audience, CodeLabel myStatus, Integer myWaitlistPosition, OffsetDateTime myAttendedAt,
			Integer myFeedbackStars, String myFeedbackComment, boolean canManage, int version) {

		public int freeSeats() {
			return Math.max(0, seats - confirmedCount - pendingCount);
		}
	}

	/** A registrant as the organizer sees them: the mobile masked. */
	public record Registrant(long id, long personId, String name, String organName, CodeLabel gender,
			String mobile, CodeLabel status, Integer waitlistPosition, OffsetDateTime registeredAt,
			OffsetDateTime attendedAt, Integer feedbackStars, String feedbackComment, OffsetDateTime checkedOutAt) {
	}

	public record Registrants(long activityId, String title, int seats, List<Registrant> confirmed,
			List<Registrant> pending, List<Registrant> waiting, int attended) {
	}

	/**
	 * Figures of one activity for series pages and the group ranking: seats, confirmed registrations,
	 * attendees (checked in) and feedback.
	 */
	public record Stats(long activityId, String title, CodeLabel type, long organizerOrgId, String organizerPath,
			Long seriesId, Long clubId, OffsetDateTime startAt, OffsetDateTime endAt, CodeLabel status, int seats,
			int confirmed, int attended, int feedbackCount, Double feedbackAverage) {
	}
}
