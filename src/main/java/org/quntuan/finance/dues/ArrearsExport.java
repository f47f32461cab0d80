package org.quntuan.finance.dues;

import java.time.LocalDate;

import org.quntuan.platform.excel.ExcelTable;

/**
 * Arrears (欠缴情况) of a book as the page shows them: per member for the union's finance officers,
 * per union for a federation or group, otherwise the totals only; amounts as numbers with two decimals.
 */
final class ArrearsExport {

	private ArrearsExport() {
	}

	static String fileName(DuesQueries.Arrears a, LocalDate today) {
		return a.orgName() + "欠缴情况-" + today + ".xlsx";
	}

	static byte[] write(DuesQueries.Arrears a, LocalDate today) {
		ExcelTable table = ExcelTable.create().sheet("欠缴情况");
		table.title(a.orgName() + " 欠缴情况（截至 " + today + "，按已入账的会费收缴表统计，负数为多缴）");
		if (a.members() != null) {
			table.header(new String[] { "姓名", "应缴（元）", "实缴（元）", "欠缴（元）" }, new int[] { 14, 14, 14, 14 });
			for (DuesQueries.MemberArrears m : a.members()) {
				table.row().text(m.name()).money(m.due()).money(m.paid()).money(m.arrears());
			}
			table.totalRow().text("合计").money(a.due()).money(a.paid()).money(a.total());
		}
		else if (a.unions() != null) {
			table.header(new String[] { "工会", "已入账月数", "应缴（元）", "实缴（元）", "欠缴（元）" }, new int[] { 28, 12, 14, 14, 14 });
			for (DuesQueries.UnionArrears u : a.unions()) {
				table.row().text(u.name()).number(u.postedSheets()).money(u.due()).money(u.paid()).money(u.arrears());
			}
			table.totalRow().text("合计").skip().money(a.due()).money(a.paid()).money(a.total());
		}
		else {
			table.header(new String[] { "应缴（元）", "实缴（元）", "欠缴（元）" }, new int[] { 14, 14, 14 });
			table.row().money(a.due()).money(a.paid()).money(a.total());
			table.gap().line("每人的工资基数和缴费明细只有本会财务人员可以查看。");
		}
		return table.bytes();
	}
}
