package org.quntuan.finance.audits;

import java.util.List;

import org.quntuan.platform.excel.ExcelTable;

/** The audit board as an .xlsx file; a few hundred rows at most, so built in memory. */
final class FundsAuditBoardExport {

	private static final String[] HEADERS = { "年度", "片组", "被审计组织", "类型", "审计状态", "审计人", "未销号问题", "逾期问题", "结束时间" };

	private static final int[] WIDTHS = { 8, 14, 28, 8, 12, 12, 12, 10, 18 };

	private FundsAuditBoardExport() {
	}

	static byte[] write(List<FundsAuditViews.Row> rows) {
		ExcelTable table = ExcelTable.create().sheet("经费审计").header(HEADERS, WIDTHS);
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
