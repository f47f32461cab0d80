package org.quntuan.governance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/**
 * The resolutions list (决议事项) and a meeting's attendance (出席情况) as the pages show them, as .xlsx
 * files in the reader's language.
 */
final class GovernanceExports {

	private static final String[] RESOLUTION_HEADERS = { "content", "meeting", "org", "owner", "due-date", "status",
			"overdue", "closing-note", "closed-at" };

	private static final int[] RESOLUTION_WIDTHS = { 40, 24, 20, 10, 12, 8, 8, 30, 18 };

	private GovernanceExports() {
	}

	static String resolutionsFileName(LocalDate today) {
		return Texts.localized("governance.resolution.export.file-name", today.toString());
	}

	/** {@code scope}: the org (if one was chosen) and the tab, as the title names them. */
	static byte[] resolutions(Text scope, List<MeetingViews.Resolution> items) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("governance.resolution.export.sheet"));
		table.title(Texts.localized("governance.resolution.export.title", scope, items.size()));
		table.header(headers("governance.resolution.export.header.", RESOLUTION_HEADERS), RESOLUTION_WIDTHS);
		String overdue = Texts.localized("governance.resolution.export.overdue");
		for (MeetingViews.Resolution r : items) {
			table.row()
				.text(r.content())
				.text(r.meetingTitle())
				.text(r.orgName())
				.text(r.ownerName())
				.date(r.dueDate())
				.text(label(r.status()))
				.text(r.overdue() ? overdue : null)
				.text(r.closingNote())
				.time(r.closedAt());
		}
		return table.bytes();
	}

	static String attendanceFileName(MeetingViews.Detail m, LocalDate today) {
		return Texts.localized("governance.meeting.export.file-name", m.title(), today.toString());
	}

	static byte[] attendance(MeetingViews.Detail m) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("governance.meeting.export.sheet"));
		table.title(Texts.localized("governance.meeting.export.title", m.orgName(), m.title(), m.kind()));
		table.header(headers("governance.meeting.export.header.", "name", "attendance"), new int[] { 14, 12 });
		String notRecorded = Texts.localized("governance.meeting.export.not-recorded");
		for (MeetingViews.Invitee i : m.invitees()) {
			table.row().text(i.name()).text(i.attendance() == null ? notRecorded : label(i.attendance()));
		}
		return table.bytes();
	}

	private static String[] headers(String prefix, String... names) {
		return Arrays.stream(names).map(n -> Texts.localized(prefix + n)).toArray(String[]::new);
	}

	/** The label of a value in the reader's language. */
	private static String label(CodeLabel value) {
		return value == null ? null : Texts.localized(Text.label(value.label()));
	}
}
