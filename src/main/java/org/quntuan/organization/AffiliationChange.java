package org.quntuan.organization;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One change of affiliation (隶属关系): from which parent to which, when and why. */
public record AffiliationChange(LocalDate effectiveDate, String fromName, String toName, String reason,
		OffsetDateTime changedAt) {
}
