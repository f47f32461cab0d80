package org.quntuan.learning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.activity.ActivityQueries;
import org.quntuan.activity.ActivityType;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lectures and forums (专家讲座, 学习论坛) are activities of type 讲座 / 论坛: each one a person checked in at
 * counts in their study record with {@code quntuan.learning.lecture-points} points (default 2). Read through
 * the activity module's facade, never its tables. A check-in counts in the year it was made (Beijing time).
 */
@Service
@Transactional(readOnly = true)
public class LectureAttendance {

	/** The activity types whose attendance is study. */
	public static final Set<ActivityType> TYPES = EnumSet.of(ActivityType.LECTURE, ActivityType.FORUM);

	/** A lecture or forum the person attended, with the points it gives. */
	public record Attended(long activityId, String title, CodeLabel type, OffsetDateTime attendedAt, int points) {
	}

	private final ActivityQueries activities;

	private final int pointsEach;

	LectureAttendance(ActivityQueries activities, @Value("${quntuan.learning.lecture-points:2}") int pointsEach) {
		if (pointsEach < 0 || pointsEach > 100) {
			throw new IllegalStateException("quntuan.learning.lecture-points must be between 0 and 100, not " + pointsEach);
		}
		this.activities = activities;
		this.pointsEach = pointsEach;
	}

	/** The points one lecture or forum attended gives. */
	public int pointsEach() {
		return pointsEach;
	}

	/** The lectures and forums a person attended in the year, latest first. */
	public List<Attended> of(long personId, int year) {
		return activities.attendances(personId, TYPES, start(year), start(year + 1)).stream()
			.map(a -> new Attended(a.activityId(), a.title(), a.type().toCodeLabel(),
					a.attendedAt(), pointsEach))
			.toList();
	}

	/** Everyone who attended a lecture or forum in the year: person id → how many. */
	Map<Long, Integer> countsByPerson(int year) {
		return activities.attendanceCounts(TYPES, start(year), start(year + 1));
	}

	static OffsetDateTime start(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
	}
}
