package org.quntuan.notice.notices;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.notice.inforeports.InfoReportViews;
import org.quntuan.platform.excel.ExcelTable;

/** A notice's read list (阅读情况) and the information reports list (信息报送) as the pages show them, as .xlsx files. */
public final class NoticeExports {

	private static final String[] INFO_HEADERS = { "标题", "单位", "信息员", "状态", "刊发情况", "积分", "报送时间" };

	private static final int[] INFO_WIDTHS = { 40, 22, 12, 8, 24, 6, 18 };

	private NoticeExports() {
	}

	static String receiptsFileName(String title, LocalDate today) {
		return title + "阅读情况-" + today + ".xlsx";
	}

	static byte[] receipts(String title, List<NoticeReceipt> receipts) {
		long read = receipts.stream().filter(NoticeReceipt::read).count();
		ExcelTable table = ExcelTable.create().sheet("阅读情况");
		table.title(title + " 阅读情况（已读 " + read + " / " + receipts.size() + "）");
		table.header(new String[] { "接收组织", "状态", "阅读人", "时间" }, new int[] { 28, 8, 14, 18 });
		for (NoticeReceipt r : receipts) {
			table.row().text(r.orgName()).text(r.read() ? "已读" : "未读").text(r.readBy()).time(r.readAt());
		}
		return table.bytes();
	}

	public static String infoReportsFileName(int year, LocalDate today) {
		return "信息报送-" + year + "年-" + today + ".xlsx";
	}

	public static byte[] infoReports(int year, String statusLabel, List<InfoReportViews.Item> items) {
		ExcelTable table = ExcelTable.streaming().sheet("信息报送");
		table.title(year + " 年信息报送（" + (statusLabel == null ? "全部状态" : statusLabel) + "，共 " + items.size() + " 条）");
		table.header(INFO_HEADERS, INFO_WIDTHS);
		for (InfoReportViews.Item i : items) {
			table.row()
				.text(i.title())
				.text(i.organName())
				.text(i.authorName())
				.text(i.status() == null ? null : i.status().label())
				.text(i.publishedWhere())
				.number(i.points())
				.time(i.submittedAt());
		}
		return table.bytes();
	}
}
