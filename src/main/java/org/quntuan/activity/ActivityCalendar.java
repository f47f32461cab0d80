package org.quntuan.activity;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.quntuan.activity.ActivityViews.Detail;

/** An activity as an iCalendar (RFC 5545) event, for the member's phone calendar. */
final class ActivityCalendar {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private ActivityCalendar() {
	}

	static String ics(Detail a, String host, OffsetDateTime now) {
		StringBuilder sb = new StringBuilder();
		line(sb, "BEGIN:VCALENDAR");
		line(sb, "VERSION:2.0");
		line(sb, "PRODID:-//Quntuan//Activities//ZH");
		line(sb, "CALSCALE:GREGORIAN");
		line(sb, "METHOD:PUBLISH");
		line(sb, "BEGIN:VEVENT");
		line(sb, "UID:activity-" + a.id() + "@" + host);
		line(sb, "DTSTAMP:" + utc(now));
		line(sb, "DTSTART:" + utc(a.startAt()));
		line(sb, "DTEND:" + utc(a.endAt()));
		line(sb, "SUMMARY:" + escape(a.title()));
		line(sb, "LOCATION:" + escape(a.place()));
		if (a.description() != null) {
			line(sb, "DESCRIPTION:" + escape(a.description()));
		}
		line(sb, "BEGIN:VALARM");
		line(sb, "TRIGGER:-PT1H");
		line(sb, "ACTION:DISPLAY");
		line(sb, "DESCRIPTION:" + escape(a.title()));
		line(sb, "END:VALARM");
		line(sb, "END:VEVENT");
		line(sb, "END:VCALENDAR");
		return sb.toString();
	}

	private static String utc(OffsetDateTime t) {
		return t.withOffsetSameInstant(ZoneOffset.UTC).format(UTC);
	}

	static String escape(String s) {
		return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
			.replace("\n", "\\n").replace("\r", "");
	}

	/** Lines are folded at 75 octets (UTF-8), continuation lines start with a space. */
	private static void line(StringBuilder sb, String text) {
		int octets = 0;
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			int cp = text.codePointAt(i);
			if (Character.isSupplementaryCodePoint(cp)) {
				i++;
			}
			int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + len > 74) {
				sb.append(current).append("\r\n ");
				current.setLength(0);
				octets = 1;
			}
			current.appendCodePoint(cp);
			octets += len;
		}
		sb.append(current).append("\r\n");
	}
}
