package org.quntuan.notice.notices;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A notice as its reader sees it. After a withdrawal, recipients get no body and no attachments, only
 * the reason; the sender side ({@code canManage}) still sees everything.
 *
 * @param body safe HTML (reduced to a whitelist when stored); null when withdrawn for this reader
 */
public record NoticeDetail(long id, String title, String body, String senderName, String senderOrgName,
		OffsetDateTime createdAt, boolean pinned, boolean isPublic, OffsetDateTime expiresAt, boolean withdrawn,
		OffsetDateTime withdrawnAt, String withdrawReason, List<Attachment> attachments, boolean canManage,
		int targets, int read) {

	public record Attachment(long id, String name, String kind, long sizeBytes) {
	}
}
