package org.quntuan.notice.notices;

import java.time.OffsetDateTime;

/**
 * A notice in a list. {@code targets} and {@code read} count the target orgs and those that opened it;
 * {@code unreadForMe} is true while an org the caller administers directly has not opened it yet.
 */
public record NoticeListItem(long id, String title, String senderName, String senderOrgName, OffsetDateTime createdAt,
		boolean pinned, boolean isPublic, OffsetDateTime expiresAt, boolean withdrawn, int targets, int read,
		boolean unreadForMe) {
}
