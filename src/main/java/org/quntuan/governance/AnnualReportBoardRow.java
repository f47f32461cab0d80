package org.quntuan.governance;

import java.time.LocalDate;

import org.quntuan.platform.CodeLabel;

/** One org on the annual-report board: reported this year or not. */
public record AnnualReportBoardRow(long orgId, String orgName, CodeLabel orgType, Long groupId, String groupName,
		boolean reported, Long reportId, LocalDate reportedOn, Long fileId, String fileName, boolean confirmed) {
}
