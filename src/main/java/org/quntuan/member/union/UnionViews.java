package org.quntuan.member.union;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.platform.CodeLabel;

/** What the pages and the API show of union membership. */
public final class UnionViews {

	private UnionViews() {
	}

	/**
	 * An application to join.
	 *
	 * @param name the applicant's name (their ID number never leaves the check)
	 * @param decidable whether the caller may decide it now
	 */
	public record Application(long id, long personId, String name, String organName, String unionName, CodeLabel state,
			String statement, OffsetDateTime createdAt, OffsetDateTime decidedAt, String decidedBy, String reason,
			String memberNumber, boolean decidable) {
	}

	/** A transfer of membership between two organs' unions. */
	public record Transfer(long id, long personId, String name, String memberNumber, String fromOrganName,
			String fromUnionName, String toOrganName, String toUnionName, CodeLabel state, OffsetDateTime openedAt,
			String releasedBy, OffsetDateTime releasedAt, String acceptedBy, OffsetDateTime acceptedAt, int version,
			boolean releasable, boolean acceptable) {
	}

	/** One change of a person's union status. */
	public record HistoryEntry(CodeLabel fromStatus, CodeLabel toStatus, LocalDate effective, String unionName,
			String reason, String by, OffsetDateTime recordedAt) {
	}

	/**
	 * The caller's member card.
	 *
	 * @param token the QR payload: signed, valid until {@code expiresAt}
	 * @param verifyUrl what the QR code opens
	 */
	public record Card(String name, String unionName, String memberNumber, LocalDate joinedOn, String token,
			OffsetDateTime expiresAt, String verifyUrl) {
	}

	/** What the public verification page shows: nothing more than this. */
	public record Verification(boolean valid, String maskedName, String unionName) {
	}
}
