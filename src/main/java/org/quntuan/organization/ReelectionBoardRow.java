package org.quntuan.organization;

import java.time.LocalDate;

import org.quntuan.platform.CodeLabel;

/**
 * One org on the re-election board.
 *
 * @param overdue the term has ended, whatever the re-election's progress
 * @param reelectionId the re-election under way, if any
 */
public record ReelectionBoardRow(long orgId, String orgName, CodeLabel orgType, String organName, String groupName,
		LocalDate termStart, LocalDate termEnd, CodeLabel state, boolean overdue, Long reelectionId) {
}
