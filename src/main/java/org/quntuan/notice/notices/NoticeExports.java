package org.quntuan.notice.notices;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/** A notice's read list (阅读情况) as the page shows it, as an .xlsx file. */
final class NoticeExports {

	private NoticeExports() {
	}

	static String receiptsFileName(String title, LocalDate today) {
		return Texts.localized("notice.notice.export.file", title, today.toString());
	}

	static byte[] receipts(String title, List<NoticeReceipt> receipts) {
		long read = receipts.stream().filter(NoticeReceipt::read).count();
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("notice.notice.export.sheet"));
		table.title(Texts.localized("notice.notice.export.title", title, read, receipts.size()));
		table.header(new String[] { Texts.localized("notice.receipt.org"), Texts.localized("notice.receipt.state"),
				Texts.localized("notice.receipt.reader"), Texts.localized("notice.notice.export.time") },
				new int[] { 28, 8, 14, 18 });
		String readWord = Texts.localized("notice.receipt.read");
		String unreadWord = Texts.localized("notice.receipt.unread");
		for (NoticeReceipt r : receipts) {
			table.row().text(r.orgName()).text(r.read() ? readWord : unreadWord).text(r.readBy()).time(r.readAt());
		}
		return table.bytes();
	}
}
