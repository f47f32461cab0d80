package org.quntuan.notice.collections;

import java.time.OffsetDateTime;
import java.util.Set;

import org.quntuan.platform.files.FileKind;

/** A collection task as stored, with the name and path of the collecting org. */
public record CollectionTask(long id, String title, String instructions, OffsetDateTime deadline,
		CollectionLatePolicy latePolicy, Set<FileKind> allowedKinds, long senderAccountId, String senderName,
		long senderOrgId, String senderOrgName, String senderOrgPath, OffsetDateTime createdAt) {
}
