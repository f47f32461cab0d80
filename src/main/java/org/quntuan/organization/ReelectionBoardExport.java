package org.quntuan.organization;

import java.util.List;

import org.quntuan.platform.excel.ExcelTable;

/** The board as an .xlsx file; at most a few thousand rows, so built in memory. */
final class ReelectionBoardExport {

	private static final String[] HEADERS = { "片组", "单位", "组织", "类型", "任期开始", "任期届满", "换届状态", "是否超期" };

	private static final int[] WIDTHS = { 12, 24, 28, 10, 12, 12, 18, 10 };

	private ReelectionBoardExport() {
	}

	static byte[] write(List<ReelectionBoardRow> rows) {
		ExcelTable table = ExcelTable.create().sheet("换届工作台").header(HEADERS, WIDTHS);
		for (ReelectionBoardRow r : rows) {
			table.row()
				.text(r.groupName())
				.text(r.organName())
				.text(r.orgName())
				.text(r.orgType().label())
				.date(r.termStart())
				.date(r.termEnd())
				.text(r.state().label())
				.text(r.overdue() ? "是" : "否");
		}
		return table.bytes();
	}
}
