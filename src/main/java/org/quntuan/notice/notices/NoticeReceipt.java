package org.quntuan.notice.notices;

import java.time.OffsetDateTime;

/** Whether one target org has opened a notice: its first reader and when. */
public record NoticeReceipt(long orgId, String orgName, boolean read, OffsetDateTime readAt, String readBy) {
}
