package org.quntuan.governance;

import java.time.OffsetDateTime;
import java.util.List;

/** A meeting to schedule; {@code kind} is a code or its Chinese label. */
public record MeetingForm(Long orgId, String title, String kind, OffsetDateTime startsAt, String place, String agenda,
		List<Long> inviteeIds) {
}
