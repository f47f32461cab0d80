package org.quntuan.governance;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.excel.ExcelTable;

/** The resolutions list (决议事项) and a meeting's attendance (出席情况) as the pages show them, as .xlsx files. */
final class GovernanceExports {

	private static final String[] RESOLUTION_HEADERS = { "决议事项", "会议", "单位", "责任人", "完成期限", "状态", "是否逾期", "办结说明",
			"办结时间" };

	private static final int[] RESOLUTION_WIDTHS = { 40, 24, 20, 10, 12, 8, 8, 30, 18 };

	private GovernanceExports() {
	}

	static String resolutionsFileName(LocalDate today) {
		return "决议事项-" + today + ".xlsx";
	}

	static byte[] resolutions(String scope, List<MeetingViews.Resolution> items) {
		ExcelTable table = ExcelTable.create().sheet("决议事项");
		table.title("决议事项（" + scope + "，共 " + items.size() + " 项）");
		table.header(RESOLUTION_HEADERS, RESOLUTION_WIDTHS);
		for (MeetingViews.Resolution r : items) {
			table.row()
				.text(r.content())
				.text(r.meetingTitle())
				.text(r.orgName())
				.text(r.ownerName())
				.date(r.dueDate())
				.text(label(r.status()))
				.text(r.overdue() ? "已逾期" : null)
				.text(r.closingNote())
				.time(r.closedAt());
		}
		return table.bytes();
	}

	static String attendanceFileName(MeetingViews.Detail m, LocalDate today) {
		return m.title() + "出席情况-" + today + ".xlsx";
	}

	static byte[] attendance(MeetingViews.Detail m) {
		ExcelTable table = ExcelTable.create().sheet("出席情况");
		table.title(m.orgName() + " " + m.title() + "（" + label(m.kind()) + "）出席情况");
		table.header(new String[] { "姓名", "出席情况" }, new int[] { 14, 12 });
		for (MeetingViews.Invitee i : m.invitees()) {
			table.row().text(i.name()).text(i.attendance() == null ? "未登记" : label(i.attendance()));
		}
		return table.bytes();
	}

	private static String label(CodeLabel value) {
		return value == null ? null : value.label();
	}
}
