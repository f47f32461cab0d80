package org.quntuan.platform;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An iCalendar (RFC 5545) file of events for the member's phone calendar, each with a reminder an hour
 * before: text escaped, lines folded at 75 octets of UTF-8.
 */
public final class ICalendar {

	/** @param description null for none */
	public record Event(String uid, OffsetDateTime start, OffsetDateTime end, String summary, String location,
			String description) {
	}

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private ICalendar() {
	}

	public static String of(String productId, List<Event> events, OffsetDateTime now) {
		StringBuilder sb = new StringBuilder();
		line(sb, "BEGIN:VCALENDAR");
		line(sb, "VERSION:2.0");
		line(sb, "PRODID:-//Quntuan//" + productId + "//ZH");
		line(sb, "CALSCALE:GREGORIAN");
		line(sb, "METHOD:PUBLISH");
		for (Event e : new ArrayList<>(events)) {
			line(sb, "BEGIN:VEVENT");
			line(sb, "UID:" + e.uid());
			line(sb, "DTSTAMP:" + utc(now));
			line(sb, "DTSTART:" + utc(e.start()));
			line(sb, "DTEND:" + utc(e.end()));
			line(sb, "SUMMARY:" + escape(e.summary()));
			line(sb, "LOCATION:" + escape(e.location()));
			if (e.description() != null) {
				line(sb, "DESCRIPTION:" + escape(e.description()));
			}
			line(sb, "BEGIN:VALARM");
			line(sb, "TRIGGER:-PT1H");
			line(sb, "ACTION:DISPLAY");
			line(sb, "DESCRIPTION:" + escape(e.summary()));
			line(sb, "END:VALARM");
			line(sb, "END:VEVENT");
		}
		line(sb, "END:VCALENDAR");
		return sb.toString();
	}

	private static String utc(OffsetDateTime t) {
		return t.withOffsetSameInstant(ZoneOffset.UTC).format(UTC);
	}

	public static String escape(String s) {
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
