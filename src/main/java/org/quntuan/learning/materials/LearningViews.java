package org.quntuan.learning.materials;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.learning.LectureAttendance;
import org.quntuan.platform.CodeLabel;

/** What the API answers and the pages show. */
public final class LearningViews {

	private LearningViews() {
	}

	/**
	 * A material as its reader sees it: the cleaned {@code body}; {@code fileUrl} for a PDF or an uploaded
	 * video; {@code secondsLeft} of the caller's reading time (null before the first opening); {@code editable}: the
	 * caller may edit and withdraw it; {@code withdrawnAt}: when it was withdrawn (撤回), or null.
	 */
	public record MaterialDetail(long id, String title, CodeLabel kind, String body, String url, String fileUrl,
			String fileName, Integer durationSeconds, Integer pageCount, int minSeconds, int points, boolean isPublic,
			List<String> tags, String ownerOrgName, String creatorName, OffsetDateTime createdAt, boolean manages,
			boolean needsFile, OffsetDateTime openedAt, OffsetDateTime completedAt, Long secondsLeft, int version,
			boolean editable, OffsetDateTime withdrawnAt) {
	}

	public record MaterialItem(long id, String title, CodeLabel kind, String ownerOrgName, OffsetDateTime createdAt,
			boolean isPublic, boolean withdrawn) {
	}

	/** A material the person still has to study, with the earliest due date of its assignments. */
	public record Todo(long materialId, String title, CodeLabel kind, LocalDate dueDate, String assignmentTitle,
			boolean overdue) {
	}

	public record Done(long materialId, String title, CodeLabel kind, OffsetDateTime completedAt, int points) {
	}

	/** 我的学习: to study, done this year, the lectures and forums attended this year, and this year's points (both). */
	public record MyStudy(int year, List<Todo> todo, List<Done> done, int pointsThisYear,
			List<LectureAttendance.Attended> lectures) {
	}

	public record AssignmentItem(long id, String title, LocalDate dueDate, String ownerOrgName, String creatorName,
			OffsetDateTime createdAt) {
	}

	public record PersonRef(long personId, String name) {
	}

	/** One organ's progress on an assignment: its people in the audience, those done, the rate, the rest by name. */
	public record OrgProgress(long orgId, String orgName, int people, int completed, double rate,
			List<PersonRef> notDone) {
	}

	public record ProgressTotals(int orgs, int people, int completed, double rate) {
	}

	/** The board of an assignment: a whole table ({@code rows}, {@code totals}), scoped to the caller's people. */
	public record Progress(long assignmentId, String title, LocalDate dueDate, List<String> materials,
			List<OrgProgress> rows, ProgressTotals totals) {
	}

	/** A topic tag: retired ones ({@code active} false) stay on the materials that carry them. */
	public record TopicTag(long id, String name, boolean active, int materials) {
	}

	static double rate(int completed, int people) {
		return people == 0 ? 0 : Math.round(completed * 1000.0 / people) / 10.0;
	}
}
