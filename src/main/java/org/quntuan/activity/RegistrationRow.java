package org.quntuan.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** A registration as stored. */
record RegistrationRow(long id, long activityId, long personId, RegistrationStatus status, Integer waitlistSeq,
		OffsetDateTime registeredAt, OffsetDateTime decidedAt, OffsetDateTime cancelledAt, OffsetDateTime attendedAt,
		Integer feedbackStars, String feedbackComment, OffsetDateTime feedbackAt, OffsetDateTime checkedOutAt) {

	static final String COLUMNS = """
			r.id, r.activity_id, r.person_id, r.status, r.waitlist_seq, r.registered_at, r.decided_at, r.cancelled_at,
			r.attended_at, r.feedback_stars, r.feedback_comment, r.feedback_at, r.checked_out_at""";

	static RegistrationRow map(ResultSet rs, int i) throws SQLException {
		return new RegistrationRow(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("person_id"),
				RegistrationStatus.valueOf(rs.getString("status")), rs.getObject("waitlist_seq", Integer.class),
				rs.getObject("registered_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
				rs.getObject("cancelled_at", OffsetDateTime.class), rs.getObject("attended_at", OffsetDateTime.class),
				rs.getObject("feedback_stars", Integer.class), rs.getString("feedback_comment"),
				rs.getObject("feedback_at", OffsetDateTime.class), rs.getObject("checked_out_at", OffsetDateTime.class));
	}
}
