package org.quntuan.notice.collections;

import java.time.OffsetDateTime;

import org.quntuan.platform.CodeLabel;

/**
 * A collection task in a list. The collector sees how many targets have submitted and been
 * accepted; a target org's admin sees only the targets in their own scope, and with one target
 * its state ({@code ownStatus}: 未报送, 已报送, 已退回, 已通过), never the other units' counts.
 */
public record CollectionListItem(long id, String title, String senderOrgName, OffsetDateTime deadline,
		OffsetDateTime createdAt, int targets, int submitted, int accepted, boolean collector,
		CodeLabel ownStatus) {
}
