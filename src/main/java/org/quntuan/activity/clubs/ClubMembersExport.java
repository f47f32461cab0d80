package org.quntuan.activity.clubs;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.excel.ExcelTable;

/** A club's members (成员名单) as its page lists them, mobiles masked as there, as an .xlsx file. */
final class ClubMembersExport {

	private ClubMembersExport() {
	}

	static String fileName(String clubName, LocalDate today) {
		return clubName + "成员名单-" + today + ".xlsx";
	}

	static byte[] write(String clubName, List<ClubViews.Member> members) {
		ExcelTable table = ExcelTable.create().sheet("成员名单");
		table.title(clubName + " 成员名单（共 " + members.size() + " 人，手机号已脱敏）");
		table.header(new String[] { "姓名", "单位", "手机号", "备注" }, new int[] { 12, 26, 15, 24 });
		for (ClubViews.Member m : members) {
			table.row()
				.text(m.name())
				.text(m.organName())
				.text(m.mobile())
				.text(m.fromClubName() == null ? null : "由「" + m.fromClubName() + "」并入");
		}
		return table.bytes();
	}
}
