package org.quntuan.notice.notices;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.excel.ExcelTable;

/** A notice's read list (阅读情况) as the page shows it, as an .xlsx file. */
final class NoticeExports {

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
}
