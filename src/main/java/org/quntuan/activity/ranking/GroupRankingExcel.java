package org.quntuan.activity.ranking;

import java.util.Arrays;

import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/** The ranking as an .xlsx file: eight groups, so an in-memory workbook is enough. */
final class GroupRankingExcel {

	private static final String[] HEADERS = { "rank", "group", "activities", "attendees", "members", "rate",
			"feedback-count", "feedback-average", "score", "extra-quota" };

	private static final int[] WIDTHS = { 11, 16, 11, 11, 11, 11, 11, 11, 11, 11 };

	private GroupRankingExcel() {
	}

	static String fileName(GroupRankingView view) {
		return Texts.localized("activity.ranking.export.file", view.year());
	}

	static byte[] write(GroupRankingView view) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("activity.ranking.export.sheet"));
		table.title(Texts.localized("activity.ranking.export.title", view.year(), view.statusLabel()));
		table.line(Texts.localized("activity.ranking.export.weights", view.weightActivities(), view.weightParticipation(),
				view.weightFeedback()));
		table.gap().header(Arrays.stream(HEADERS).map(h -> Texts.localized("activity.ranking.export.col." + h))
			.toArray(String[]::new), WIDTHS);
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
