package org.quntuan.finance.dues;

import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;
import org.quntuan.platform.excel.ExcelTable.Format;

/** The payroll import template and a dues sheet as .xlsx files. */
final class DuesExport {

	static final String TEMPLATE_NAME = "工资表导入模板.xlsx";

	private DuesExport() {
	}

	/** The header row (姓名, 身份证号 as text, 月工资基数, 实缴金额) and a sheet of instructions. */
	static byte[] template() {
		ExcelTable table = ExcelTable.create().sheet("工资表");
		table.header(new String[] { Payroll.NAME, Payroll.ID_NUMBER, Payroll.BASE, Payroll.PAID }, new int[] { 14, 22, 14, 14 });
		table.columnFormat(1, Format.TEXT).columnFormat(2, Format.MONEY).columnFormat(3, Format.MONEY);
		table.sheet("填写说明").widths(90).title("工资表导入说明");
		for (String line : new String[] { "1. 第 1 行为表头，请从第 2 行起每行填写一名会员，不要改动表头。",
				"2. 姓名、身份证号须与人员信息中登记的一致；按身份证号在本单位人员中查找，只能导入本会会员。",
				"3. 月工资基数以元为单位，最多两位小数，如 8650.00；会费 = 月工资基数 × 会费比例（默认 0.5%），四舍五入到分。",
				"4. 实缴金额只在导入会费收缴表时使用，可不填：不填时实缴金额等于应缴金额。",
				"5. 文件中任何一行有错误时，全部不导入；请按提示的行号改正后重新上传。" }) {
			table.line(line);
		}
		return table.bytes();
	}

	/** The sheet with its lines: for the union's finance officers only. */
	static byte[] write(DuesQueries.SheetView sheet) {
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("finance.dues.export.sheet"));
		table.title(Texts.localized("finance.dues.export.title", sheet.orgName(), sheet.period()));
		table.line(Texts.localized("finance.dues.export.line", sheet.status(),
				sheet.rate().movePointRight(2).stripTrailingZeros().toPlainString()));
		table.header(new String[] { Texts.localized("finance.dues.export.no"), Texts.localized("finance.dues.export.name"),
				Texts.localized("finance.dues.export.base"), Texts.localized("finance.dues.export.due"),
				Texts.localized("finance.dues.export.paid"), Texts.localized("finance.dues.export.arrears") },
				new int[] { 8, 14, 14, 14, 14, 14 });
		int n = 1;
		for (DuesQueries.LineView line : sheet.lines()) {
			table.row()
				.number(n++)
				.text(line.name())
				.money(line.basePay())
				.money(line.amountDue())
				.money(line.amountPaid())
				.money(line.arrears());
		}
		table.totalRow()
			.skip()
			.text(Texts.localized("finance.dues.export.total", sheet.memberCount()))
			.skip()
			.money(sheet.totalDue())
			.money(sheet.totalPaid())
			.money(sheet.arrears());
		return table.bytes();
	}
}
