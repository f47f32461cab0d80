package org.quntuan.activity;

import java.time.OffsetDateTime;

import org.quntuan.organization.Targets;
import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.TextInput;

/**
 * An activity as the organizer writes it (JSON or the page form). Checked here, with Chinese
 * messages naming the field.
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
		String t = required("title", title, 200, "请填写活动名称");
		ActivityType ty;
		try {
			ty = Coded.parse(ActivityType.class, type);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("type", "活动类型无效：" + type);
		}
		if (ty == null) {
			throw new InvalidValueException("type", "请选择活动类型");
		}
		String p = required("place", place, 200, "请填写活动地点");
		if (seats == null || seats < 1 || seats > MAX_SEATS) {
			throw new InvalidValueException("seats", "名额须为 1 至 " + MAX_SEATS + " 之间的整数");
		}
		if (startAt == null || endAt == null) {
			throw new InvalidValueException(startAt == null ? "startAt" : "endAt", "请填写活动开始和结束时间");
		}
		if (!endAt.isAfter(startAt)) {
			throw new InvalidValueException("endAt", "结束时间须晚于开始时间");
		}
		if (signupOpensAt == null || signupClosesAt == null) {
			throw new InvalidValueException(signupOpensAt == null ? "signupOpensAt" : "signupClosesAt",
					"请填写报名开始和截止时间");
		}
		if (!signupClosesAt.isAfter(signupOpensAt)) {
			throw new InvalidValueException("signupClosesAt", "报名截止时间须晚于报名开始时间");
		}
		if (signupClosesAt.isAfter(endAt)) {
			throw new InvalidValueException("signupClosesAt", "报名截止时间不能晚于活动结束时间");
		}
		if (cancelDeadline != null && cancelDeadline.isAfter(startAt)) {
			throw new InvalidValueException("cancelDeadline", "取消报名截止时间不能晚于活动开始时间");
		}
		if (audience == null) {
			throw new InvalidValueException("audience", "请选择活动面向的组织");
		}
		String d = TextInput.text("description", description);
		if (d != null && d.length() > 4000) {
			throw new InvalidValueException("description", "活动介绍不能超过 4000 字");
		}
		String g = gender == null || gender.isBlank() ? null : switch (gender.strip()) {
			case "MALE", "男" -> "MALE";
			case "FEMALE", "女" -> "FEMALE";
			default -> throw new InvalidValueException("gender", "性别限制无效：" + gender);
		};
		for (Integer age : new Integer[] { minAge, maxAge }) {
			if (age != null && (age < 0 || age > 120)) {
				throw new InvalidValueException(age == minAge ? "minAge" : "maxAge", "年龄须为 0 至 120 之间的整数");
			}
		}
		if (minAge != null && maxAge != null && minAge > maxAge) {
			throw new InvalidValueException("maxAge", "最大年龄不能小于最小年龄");
		}
		return new Checked(t, ty, p, seats, d, Boolean.TRUE.equals(needsApproval), g, minAge, maxAge);
	}

	private static String required(String field, String value, int max, String message) {
		String v = TextInput.name(field, value);
		if (v == null) {
			throw new InvalidValueException(field, message);
		}
		if (v.length() > max) {
			throw new InvalidValueException(field, "不能超过 " + max + " 字");
		}
		return v;
	}
}
