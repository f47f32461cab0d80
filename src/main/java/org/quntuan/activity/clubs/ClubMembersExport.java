package org.quntuan.activity.clubs;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/** A club's members (成员名单) as its page lists them, mobiles masked as there, as an .xlsx file. */
final class ClubMembersExport {

	private ClubMembersExport() {
	}

	static String fileName(String clubName, LocalDate today) {
		return Texts.localized("activity.club.export.file", clubName, today.toString());
	}

	static byte[] write(String clubName, List<ClubViews.Member> members) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("activity.club.members"));
		table.title(Texts.localized("activity.club.export.title", clubName, members.size()));
		table.header(new String[] { Texts.localized("activity.export.col.name"), Texts.localized("activity.club.export.col.organ"),
				Texts.localized("activity.export.col.mobile"), Texts.localized("activity.club.note") },
				new int[] { 12, 26, 15, 24 });
		for (ClubViews.Member m : members) {
			table.row()
				.text(m.name())
				.text(m.organName())
				.text(m.mobile())
				.text(m.fromClubName() == null ? null : Texts.localized("activity.club.mergedFrom", m.fromClubName()));
		}
		return table.bytes();
	}
}
