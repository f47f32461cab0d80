package org.quntuan.notice.notices;

import java.time.OffsetDateTime;

/** A notice as stored, with the name and path of the sending org. */
record NoticeRecord(long id, String title, String body, String targetsJson, long senderAccountId, String senderName,
		long senderOrgId, String senderOrgName, String senderOrgPath, boolean pinned, boolean isPublic,
		OffsetDateTime expiresAt, OffsetDateTime createdAt, OffsetDateTime withdrawnAt, String withdrawReason) {

	boolean withdrawn() {
		return withdrawnAt != null;
	}

	boolean expiredAt(OffsetDateTime now) {
		return expiresAt != null && !expiresAt.isAfter(now);
	}
}
