package org.quntuan.activity;

import java.time.OffsetDateTime;

import org.quntuan.organization.Targets;
import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;

/**
 * An activity as the organizer writes it (JSON or the page form). Checked here, with messages from the
 * bundle naming the field.
 *
 * @param audience whom it is open to: {@code {"all": true}}, {@code {"orgIds": […]}}, {@code {"groupIds": […]}}
 * @param gender MALE / FEMALE (or 男 / 女), empty for anyone
 * @param version for a change: the version the organizer saw
 */
public record ActivityForm(String title, String type, Long organizerOrgId, String place, Integer seats,
		OffsetDateTime startAt, OffsetDateTime endAt, OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt,
		OffsetDateTime cancelDeadline, Targets audience, String description, Boolean needsApproval, String gender,
		Integer minAge, Integer maxAge, Long seriesId, Long clubId, Integer version) {

	static final int MAX_SEATS = 100_000;

	/** The checked values. */
	public record Checked(String title, ActivityType type, String place, int seats, String description, boolean needsApproval,
			String gender, Integer minAge, Integer maxAge) {
	}

	public Checked check() {
		String t = required("title", title, 200, "activity.form.error.title-required");
		ActivityType ty;
		try {
			ty = Coded.parse(ActivityType.class, type);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("type", Text.of("activity.form.error.type-invalid", type));
		}
		if (ty == null) {
			throw new InvalidValueException("type", "activity.form.error.type-required");
		}
		String p = required("place", place, 200, "activity.form.error.place-required");
		if (seats == null || seats < 1 || seats > MAX_SEATS) {
			throw new InvalidValueException("seats", Text.of("activity.form.error.seats-range", MAX_SEATS));
		}
		if (startAt == null || endAt == null) {
			throw new InvalidValueException(startAt == null ? "startAt" : "endAt", "activity.form.error.times-required");
		}
		if (!endAt.isAfter(startAt)) {
			throw new InvalidValueException("endAt", "activity.form.error.end-before-start");
		}
		if (signupOpensAt == null || signupClosesAt == null) {
			throw new InvalidValueException(signupOpensAt == null ? "signupOpensAt" : "signupClosesAt",
					"activity.form.error.signup-times-required");
		}
		if (!signupClosesAt.isAfter(signupOpensAt)) {
			throw new InvalidValueException("signupClosesAt", "activity.form.error.signup-close-before-open");
		}
		if (signupClosesAt.isAfter(endAt)) {
			throw new InvalidValueException("signupClosesAt", "activity.form.error.signup-close-after-end");
		}
		if (cancelDeadline != null && cancelDeadline.isAfter(startAt)) {
			throw new InvalidValueException("cancelDeadline", "activity.form.error.cancel-deadline-after-start");
		}
		if (audience == null) {
			throw new InvalidValueException("audience", "activity.form.error.audience-required");
		}
		String d = TextInput.text("description", description);
		if (d != null && d.length() > 4000) {
			throw new InvalidValueException("description", "activity.form.error.description-too-long");
		}
		String g = gender == null || gender.isBlank() ? null : switch (gender.strip()) {
			case "MALE", "男" -> "MALE";
			case "FEMALE", "女" -> "FEMALE";
			default -> throw new InvalidValueException("gender", Text.of("activity.form.error.gender-invalid", gender));
		};
		for (Integer age : new Integer[] { minAge, maxAge }) {
			if (age != null && (age < 0 || age > 120)) {
				throw new InvalidValueException(age == minAge ? "minAge" : "maxAge", "activity.form.error.age-range");
			}
		}
		if (minAge != null && maxAge != null && minAge > maxAge) {
			throw new InvalidValueException("maxAge", "activity.form.error.max-age-below-min");
		}
		return new Checked(t, ty, p, seats, d, Boolean.TRUE.equals(needsApproval), g, minAge, maxAge);
	}

	private static String required(String field, String value, int max, String code) {
		String v = TextInput.name(field, value);
		if (v == null) {
			throw new InvalidValueException(field, code);
		}
		if (v.length() > max) {
			throw new InvalidValueException(field, Text.of("activity.form.error.too-long", max));
		}
		return v;
	}
}
