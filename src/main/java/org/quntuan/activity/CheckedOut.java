package org.quntuan.activity;

import java.time.OffsetDateTime;

/**
 * A member checked out (签退) of an activity they had checked in to, published in the check-out's
 * transaction. The volunteer module turns the check-in and check-out of a 志愿 activity into hours
 * waiting for the organizer's verification.
 */
public record CheckedOut(long activityId, ActivityType type, String title, long organizerOrgId, long personId,
		OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt, OffsetDateTime startAt, OffsetDateTime endAt) {
}
