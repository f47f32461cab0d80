package org.quntuan.notice.shared;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.quntuan.platform.Zones;

/** Times as people read them in messages: business zone, minutes. */
public final class CollectionText {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private CollectionText() {
	}

	/** The same instant at the business zone's offset, so that pages and the API show Beijing time on any database. */
	public static OffsetDateTime local(OffsetDateTime t) {
		return t == null ? null : t.atZoneSameInstant(Zones.BUSINESS).toOffsetDateTime();
	}

	public static String time(OffsetDateTime t) {
		return t == null ? "" : t.atZoneSameInstant(Zones.BUSINESS).format(MINUTES);
	}
}
