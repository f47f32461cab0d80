package org.quntuan.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the API and the pages show of meetings and resolutions. */
public final class MeetingViews {

	private MeetingViews() {
	}

	public record Summary(long id, long orgId, String orgName, String title, CodeLabel kind, OffsetDateTime startsAt,
			String place, CodeLabel status, boolean held, boolean minutesPublished) {
	}

	public record Invitee(long personId, String name, CodeLabel attendance) {
	}

	public record FileRef(long id, String name, String kind, long sizeBytes) {
	}

	/**
	 * @param minutes null for a reader who is not an admin while the minutes are unpublished (a draft)
	 * @param manageable whether the caller may change the meeting
	 */
	public record Detail(long id, long orgId, String orgName, String title, CodeLabel kind, OffsetDateTime startsAt,
			String place, String agenda, CodeLabel status, boolean held, String minutes, boolean minutesPublished,
			OffsetDateTime minutesPublishedAt, List<Invitee> invitees, List<Resolution> resolutions,
			List<FileRef> attachments, boolean manageable, int version) {
	}

	public record Resolution(long id, long meetingId, String meetingTitle, long orgId, String orgName, String content,
			long ownerId, String ownerName, LocalDate dueDate, CodeLabel status, boolean overdue, String closingNote,
			OffsetDateTime closedAt, int version) {
	}
}
