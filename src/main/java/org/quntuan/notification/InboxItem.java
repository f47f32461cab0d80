package org.quntuan.notification;

import java.time.OffsetDateTime;

/** A notification in the reader's inbox; times in Beijing time. */
record InboxItem(long id, String title, String body, String link, OffsetDateTime createdAt, boolean read,
		OffsetDateTime readAt) {
}
