package org.quntuan.member;

import java.time.LocalDate;

/**
 * A person was transferred to another organ (调动), published inside the transfer's transaction.
 *
 * @param unionStatus the code of their union status ({@link UnionStatus}) at the time
 */
public record PersonTransferred(long personId, long fromOrganId, long toOrganId, LocalDate effectiveDate,
		String unionStatus) {
}
