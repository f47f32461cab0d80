package org.quntuan.member;

import java.time.LocalDate;

/**
 * A person retired or left the organs, published inside that transaction.
 *
 * @param employmentStatus the code of their new {@link EmploymentStatus}
 * @param unionStatusBefore the code of their {@link UnionStatus} before, {@code unionStatusAfter} after
 */
public record PersonLeft(long personId, long organId, String employmentStatus, LocalDate effectiveDate, String reason,
		String unionStatusBefore, String unionStatusAfter) {
}
