package org.quntuan.activity.ranking;

import org.quntuan.platform.excel.ExcelTable;

/** The ranking as an .xlsx file: eight groups, so an in-memory workbook is enough. */
final class GroupRankingExcel {

	private static final String[] HEADERS = { "名次", "片组", "活动数", "参与人数", "人员总数", "参与率(%)", "评价人次", "平均评价",
			"得分", "额外评优名额" };

	private static final int[] WIDTHS = { 11, 16, 11, 11, 11, 11, 11, 11, 11, 11 };

	private GroupRankingExcel() {
	}

	static String fileName(GroupRankingView view) {
		return view.year() + "年度片组活动排名.xlsx";
	}

	static byte[] write(GroupRankingView view) {
		ExcelTable table = ExcelTable.create().sheet("片组排名");
		table.title(view.year() + " 年度片组活动排名（" + view.statusLabel() + "）");
		table.line("权重：活动数 " + view.weightActivities() + "%，参与率 " + view.weightParticipation() + "%，活动评价 "
				+ view.weightFeedback() + "%");
		table.gap().header(HEADERS, WIDTHS);
		for (GroupRankingView.Row row : view.results()) {
			table.row()
				.number(row.rank())
				.text(row.groupName())
				.number(row.activities())
				.number(row.attendees())
				.number(row.members())
				.decimal(row.participationRate())
				.number(row.feedbackCount())
				.decimal(row.averageFeedback())
				.decimal(row.score())
				.number(row.extraAwardQuota());
		}
		return table.bytes();
	}
}
