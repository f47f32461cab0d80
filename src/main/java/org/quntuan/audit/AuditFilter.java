package org.quntuan.audit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelText;

/**
 * What the viewer asks for, checked: a type (code or Chinese label), a time range, an actor and an
 * object. A date is a business date of Asia/Shanghai and counts whole ({@code to} inclusive); an ISO
 * date-time counts from that instant (a time without offset is Shanghai time).
 *
 * @param toExclusive the first instant no longer included
 */
record AuditFilter(AuditType type, OffsetDateTime from, OffsetDateTime toExclusive, String actor, String objectType,
		String objectId) {

	static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

	static AuditFilter of(String type, String from, String to, String actor, String objectType, String objectId) {
		AuditType t;
		try {
			t = Coded.parse(AuditType.class, type);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("type", Text.of("audit.filter.type-invalid", TextInput.normalize(type)));
		}
		OffsetDateTime start = instant(from, false, "from", "audit.filter.from");
		OffsetDateTime end = instant(to, true, "to", "audit.filter.to");
		if (start != null && end != null && !start.isBefore(end)) {
			throw new InvalidValueException("from", "audit.filter.from-after-to");
		}
		return new AuditFilter(t, start, end, text(actor, 100, "actor", "audit.filter.actor"), text(objectType, 40, "objectType", "audit.filter.object-type"),
				text(objectId, 64, "objectId", "audit.filter.object-id"));
	}

	private static OffsetDateTime instant(String raw, boolean end, String field, String label) {
		String v = TextInput.normalize(raw);
		if (v == null) {
			return null;
		}
		OffsetDateTime result;
		try {
			if (v.contains("T") || v.contains("t")) {
				String iso = v.toUpperCase();
				result = hasOffset(iso) ? OffsetDateTime.parse(iso)
						: LocalDateTime.parse(iso).atZone(Zones.BUSINESS).toOffsetDateTime();
				if (end) {
					result = result.plusNanos(1000); // inclusive, at the microsecond the databases keep
				}
			}
			else {
				LocalDate day = ExcelText.parseDate(v);
				result = (end ? day.plusDays(1) : day).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
			}
		}
		catch (DateTimeParseException ex) {
			throw invalid(field, label, v);
		}
		catch (DateTimeException ex) {
			throw invalid(field, label, v);
		}
		if (result.getYear() < 2000 || result.getYear() > 9998) {
			throw invalid(field, label, v);
		}
		return result.withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static boolean hasOffset(String iso) {
		int t = iso.indexOf('T');
		String time = iso.substring(t + 1);
		return time.endsWith("Z") || time.contains("+") || time.contains("-");
	}

	private static InvalidValueException invalid(String field, String label, String value) {
		return new InvalidValueException(field,
				Text.of("audit.filter.time-invalid", Text.of(label), value));
	}

	private static String text(String raw, int max, String field, String label) {
		String v = TextInput.normalize(raw);
		if (v != null && v.length() > max) {
			throw new InvalidValueException(field, Text.of("audit.filter.too-long", Text.of(label), max));
		}
		return v;
	}
}
