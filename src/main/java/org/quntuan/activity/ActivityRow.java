package org.quntuan.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** An activity as stored. */
record ActivityRow(long id, String title, ActivityType type, long organizerOrgId, String organizerPath, Long seriesId,
		Long clubId, String description, Long coverFileId, String place, OffsetDateTime startAt, OffsetDateTime endAt,
		OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt, OffsetDateTime cancelDeadline, int seats,
		boolean needsApproval, String gender, Integer minAge, Integer maxAge, ActivityStatus status, int confirmedCount,
		int pendingCount, int waitlistSeq, String checkinSecret, long createdByAccountId, OffsetDateTime createdAt,
		int version) {

	static final String COLUMNS = """
			a.id, a.title, a.type, a.organizer_org_id, a.organizer_path, a.series_id, a.club_id, a.description,
			a.cover_file_id, a.place, a.start_at, a.end_at, a.signup_opens_at, a.signup_closes_at, a.cancel_deadline,
			a.seats, a.needs_approval, a.gender, a.min_age, a.max_age, a.status, a.confirmed_count, a.pending_count,
			a.waitlist_seq, a.checkin_secret, a.created_by_account_id, a.created_at, a.version""";

	static ActivityRow map(ResultSet rs, int i) throws SQLException {
		return new ActivityRow(rs.getLong("id"), rs.getString("title"), ActivityType.valueOf(rs.getString("type")),
				rs.getLong("organizer_org_id"), rs.getString("organizer_path"), rs.getObject("series_id", Long.class),
				rs.getObject("club_id", Long.class), rs.getString("description"),
				rs.getObject("cover_file_id", Long.class), rs.getString("place"),
				rs.getObject("start_at", OffsetDateTime.class), rs.getObject("end_at", OffsetDateTime.class),
				rs.getObject("signup_opens_at", OffsetDateTime.class),
				rs.getObject("signup_closes_at", OffsetDateTime.class),
				rs.getObject("cancel_deadline", OffsetDateTime.class), rs.getInt("seats"),
				rs.getBoolean("needs_approval"), rs.getString("gender"), rs.getObject("min_age", Integer.class),
				rs.getObject("max_age", Integer.class), ActivityStatus.valueOf(rs.getString("status")),
				rs.getInt("confirmed_count"), rs.getInt("pending_count"), rs.getInt("waitlist_seq"),
				rs.getString("checkin_secret"), rs.getLong("created_by_account_id"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
	}

	int heldSeats() {
		return confirmedCount + pendingCount;
	}

	boolean hasFreeSeat() {
		return heldSeats() < seats;
	}

	/** Cancelling is allowed until the deadline, or until the start when there is none. */
	OffsetDateTime effectiveCancelDeadline() {
		return cancelDeadline != null ? cancelDeadline : startAt;
	}
}
