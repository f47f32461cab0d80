package org.quntuan.finance.dues;

import java.time.LocalDate;

import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;

/**
 * Arrears (欠缴情况) of a book as the page shows them: per member for the union's finance officers,
 * per union for a federation or group, otherwise the totals only; amounts as numbers with two decimals.
 */
final class ArrearsExport {

	private ArrearsExport() {
	}

	static String fileName(DuesQueries.Arrears a, LocalDate today) {
		return Texts.localized("finance.dues.arrears.export.file", a.orgName(), today.toString());
	}

	static byte[] write(DuesQueries.Arrears a, LocalDate today) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("finance.dues.arrears.export.sheet"));
		table.title(Texts.localized("finance.dues.arrears.export.title", a.orgName(), today.toString()));
		if (a.members() != null) {
			table.header(new String[] { Texts.localized("finance.dues.arrears.export.name"), Texts.localized("finance.dues.arrears.export.due"),
					Texts.localized("finance.dues.arrears.export.paid"), Texts.localized("finance.dues.arrears.export.arrears") },
					new int[] { 14, 14, 14, 14 });
			for (DuesQueries.MemberArrears m : a.members()) {
				table.row().text(m.name()).money(m.due()).money(m.paid()).money(m.arrears());
			}
			table.totalRow().text(Texts.localized("finance.dues.arrears.export.total")).money(a.due()).money(a.paid()).money(a.total());
		}
		else if (a.unions() != null) {
			table.header(new String[] { Texts.localized("finance.dues.arrears.export.union"), Texts.localized("finance.dues.arrears.export.sheets"),
					Texts.localized("finance.dues.arrears.export.due"), Texts.localized("finance.dues.arrears.export.paid"),
					Texts.localized("finance.dues.arrears.export.arrears") }, new int[] { 28, 12, 14, 14, 14 });
			for (DuesQueries.UnionArrears u : a.unions()) {
				table.row().text(u.name()).number(u.postedSheets()).money(u.due()).money(u.paid()).money(u.arrears());
			}
			table.totalRow().text(Texts.localized("finance.dues.arrears.export.total")).skip().money(a.due()).money(a.paid()).money(a.total());
		}
		else {
			table.header(new String[] { Texts.localized("finance.dues.arrears.export.due"), Texts.localized("finance.dues.arrears.export.paid"),
					Texts.localized("finance.dues.arrears.export.arrears") }, new int[] { 14, 14, 14 });
			table.row().money(a.due()).money(a.paid()).money(a.total());
			table.gap().line(Texts.localized("finance.dues.arrears.export.hidden"));
		}
		return table.bytes();
	}
}
