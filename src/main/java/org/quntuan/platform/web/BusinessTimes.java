package org.quntuan.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.quntuan.platform.Zones;

/**
 * {@code #times.format(value, pattern)} in templates: the one way a page prints a date or time.
 * Instants and zoned values are shown on the Beijing wall clock, whatever offset the database
 * driver gave them (PostgreSQL hands back {@code timestamptz} in UTC, which printed 8 hours early);
 * local dates and times are already business-zone values and print as they are.
 * Public only because the template language calls it by reflection.
 */
public final class BusinessTimes {

	private final Locale locale;

	BusinessTimes(Locale locale) {
		this.locale = locale;
	}

	public String format(Object value, String pattern) {
		if (value == null) {
			return "";
		}
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, locale);
		return formatter.format(inBusinessZone(value));
	}

	static TemporalAccessor inBusinessZone(Object value) {
		if (value instanceof OffsetDateTime odt) {
			return odt.atZoneSameInstant(Zones.BUSINESS);
		}
		if (value instanceof ZonedDateTime zdt) {
			return zdt.withZoneSameInstant(Zones.BUSINESS);
		}
		if (value instanceof Instant instant) {
			return instant.atZone(Zones.BUSINESS);
		}
		if (value instanceof TemporalAccessor temporal) {
			return temporal;
		}
		throw new IllegalArgumentException("not a date or time: " + value.getClass().getName());
	}
}
