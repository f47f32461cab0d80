package org.quntuan.notice.collections;

import java.time.OffsetDateTime;

import org.quntuan.platform.CodeLabel;

/**
 * One target of a collection task in the live status table.
 *
 * @param late submitted after the deadline (allowed by the task's policy, and marked)
 * @param submittedAt the last upload; null before the first
 */
public record CollectionStatusRow(long orgId, String orgName, CodeLabel state, boolean late,
		OffsetDateTime submittedAt, OffsetDateTime reviewedAt, String returnReason, int files) {
}
