package org.quntuan.notice;

import java.time.OffsetDateTime;

/** A collection task in a list, with how many targets have submitted and been accepted. */
public record CollectionListItem(long id, String title, String senderOrgName, OffsetDateTime deadline,
		OffsetDateTime createdAt, int targets, int submitted, int accepted) {
}
