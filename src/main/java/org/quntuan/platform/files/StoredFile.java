package org.quntuan.platform.files;

import java.time.OffsetDateTime;

/**
 * What is known of a stored file. The name the uploader gave is kept only as (sanitised) metadata;
 * the bytes live under a server-generated name that never leaves the platform.
 *
 * @param createdBy the account that uploaded it, null for the system
 */
public record StoredFile(long id, String ownerType, long ownerId, String originalName, FileKind kind, long sizeBytes,
		String sha256, Long createdBy, OffsetDateTime createdAt) {
}
