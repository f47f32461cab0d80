package org.quntuan.activity.clubs;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Zones;

/** What the club pages and the API show. */
public final class ClubViews {

	private ClubViews() {
	}

	/** @param myStatus the caller's standing with the club, null when none */
	public record Summary(long id, String name, String description, String sponsorName, long leaderPersonId,
			String leaderName, CodeLabel status, Long mergedIntoId, String mergedIntoName, long memberCount,
			CodeLabel myStatus) {
	}

	/** A member or applicant; the mobile is masked. */
	public record Member(long personId, String name, String organName, String mobile, CodeLabel status,
			OffsetDateTime requestedAt, String fromClubName) {
	}

	public record Request(long clubId, String clubName, long personId, String name, String organName, String mobile,
			OffsetDateTime requestedAt) {
	}

	public record Activity(long id, String title, OffsetDateTime startAt, String place, String status) {

		public String when() {
			return startAt == null ? "" : startAt.atZoneSameInstant(Zones.BUSINESS)
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		}
	}

	public record Absorbed(long id, String name, OffsetDateTime mergedAt) {
	}

	/**
	 * @param members shown to the club's members and managers only, else empty
	 * @param canManage the leader or an admin of the sponsor: approves requests
	 * @param canMerge an admin of the sponsor: may merge another club into this one
	 */
	public record Detail(Summary club, boolean canManage, boolean canMerge, boolean membersVisible,
			List<Member> members, List<Member> pending, List<Activity> activities, List<Absorbed> absorbed) {
	}
}
