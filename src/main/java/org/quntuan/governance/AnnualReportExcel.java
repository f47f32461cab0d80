package org.quntuan.governance;

import java.util.List;

import org.quntuan.platform.excel.ExcelTable;

/** The annual-report board as an .xlsx (a few hundred rows at most); file names are as uploaded, neutralised. */
final class AnnualReportExcel {

	private static final String[] HEADERS = { "片组", "组织", "类型", "是否已报告", "报告日期", "报告文件", "工委确认" };

	private static final int[] WIDTHS = { 14, 30, 14, 14, 14, 30, 14 };

	private AnnualReportExcel() {
	}

	static byte[] write(int year, List<AnnualReportBoardRow> rows) {
		ExcelTable table = ExcelTable.create().sheet(year + "年度报告").header(HEADERS, WIDTHS);
		for (AnnualReportBoardRow r : rows) {
			table.row()
				.text(r.groupName())
				.text(r.orgName())
				.text(r.orgType().label())
				.text(r.reported() ? "已报告" : "未报告")
				.date(r.reportedOn())
				.text(r.fileName())
				.text(r.confirmed() ? "已确认" : null);
		}
		return table.bytes();
	}
}
