package org.quntuan.organization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/**
 * The leadership of one org: the team in office with its term, the re-election under way if any,
 * and the former teams, newest first.
 *
 * @param applicable false for orgs without a team of their own (work committee, groups, organs, clubs)
 * @param termYears the configured term length of this kind of org
 */
public record LeadershipView(long orgId, String orgName, CodeLabel orgType, boolean applicable, Integer termYears,
		Team current, CodeLabel state, boolean overdue, OpenReelection openReelection, List<Team> former,
		boolean manageable) {

	public record Team(long id, LocalDate termStart, LocalDate termEnd, OffsetDateTime replacedAt, Long reelectionId,
			List<Member> members) {
	}

	public record Member(long personId, String name, CodeLabel position) {
	}

	public record OpenReelection(long id, CodeLabel status, LocalDate plannedDate) {
	}
}
