package org.quntuan.activity;

import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.activity.ActivityViews.Detail;
import org.quntuan.platform.ICalendar;

/** An activity as an iCalendar (RFC 5545) event, for the member's phone calendar. */
final class ActivityCalendar {

	private ActivityCalendar() {
	}

	static String ics(Detail a, String host, OffsetDateTime now) {
		return ICalendar.of("Activities", List.of(new ICalendar.Event("activity-" + a.id() + "@" + host, a.startAt(),
				a.endAt(), a.title(), a.place(), a.description())), now);
	}
}
