package org.quntuan.organization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/**
 * One re-election: the request (planned date, reason, seats, candidates), its approval, the
 * election result (date held, votes, elected members) and its approval.
 *
 * @param seats the number to elect (应选名额): given with the request, otherwise the configured team
 *     size of the kind of org, never more than the candidates
 */
public record ReelectionView(long id, long orgId, String orgName, CodeLabel orgType, CodeLabel status,
		LocalDate plannedDate, String reason, int seats, List<Candidate> candidates, Long requestApprovalId,
		OffsetDateTime requestApprovedAt, LocalDate heldOn, Long resultApprovalId, Long newTeamId,
		OffsetDateTime filedAt, List<Attachment> attachments, int version) {

	public record Candidate(long personId, String name, Integer votes, CodeLabel electedPosition) {
	}

	public record Attachment(long id, String name, CodeLabel kind, long size) {
	}
}
