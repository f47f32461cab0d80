package org.quntuan.finance.audits;

import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/** The audit board as an .xlsx file; a few hundred rows at most, so built in memory. */
final class FundsAuditBoardExport {

	private static final String[] HEADERS = { "finance.year", "finance.audit.group", "finance.audit.org", "finance.audit.orgType",
			"finance.audit.export.header.status", "finance.audit.auditor", "finance.audit.open", "finance.audit.overdue",
			"finance.audit.closedAt" };

	private static final int[] WIDTHS = { 8, 14, 28, 8, 12, 12, 12, 10, 18 };

	private FundsAuditBoardExport() {
	}

	static byte[] write(List<FundsAuditViews.Row> rows) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("finance.audit.export.sheet"))
			.header(Arrays.stream(HEADERS).map(Texts::localized).toArray(String[]::new), WIDTHS);
		for (FundsAuditViews.Row r : rows) {
			table.row()
				.number(r.year())
				.text(r.groupName())
				.text(r.orgName())
				.text(r.orgType())
				.text(r.status().label())
				.text(r.auditor())
				.number(r.openFindings())
				.number(r.overdueFindings())
				.time(r.closedAt());
		}
		return table.bytes();
	}
}
