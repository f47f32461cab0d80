package org.quntuan.learning.quizzes;

import java.util.List;

import org.quntuan.platform.excel.ExcelTable;
import org.quntuan.platform.excel.ExcelTable.Format;

/** The question import template: the sheet to fill in with a drop-down for 题型, three sample rows, and 填写说明. */
final class QuestionTemplate {

	static final String FILE_NAME = "题库导入模板.xlsx";

	static final String DATA_SHEET = "题目";

	static final String HELP_SHEET = "填写说明";

	private QuestionTemplate() {
	}

	static byte[] build(int maxRows) {
		ExcelTable table = ExcelTable.create().sheet(DATA_SHEET);
		QuestionColumn[] columns = QuestionColumn.values();
		ExcelTable.Column[] header = new ExcelTable.Column[columns.length];
		for (QuestionColumn c : columns) {
			header[c.ordinal()] = new ExcelTable.Column(c.header(), c.width(), c.required());
		}
		table.header(header);
		for (QuestionColumn c : columns) {
			table.columnFormat(c.ordinal(), Format.TEXT);
		}
		table.dropDown(QuestionColumn.TYPE.ordinal(), Math.min(maxRows + 1, 1_048_575),
				new String[] { QuestionType.SINGLE.label(), QuestionType.MULTIPLE.label(), QuestionType.TRUE_FALSE.label() },
				"请从下拉列表中选择：单选、多选或判断");
		table.row().text("单选").text("《中华人民共和国工会法》规定，工会是谁自愿结合的工人阶级群众组织？").text("中国共产党领导的职工")
			.text("企业经营者").text("个体劳动者协会").text("").text("").text("").text("A").text("见《工会法》第二条").text("2")
			.text("法律法规");
		table.row().text("多选").text("下列属于劳动者依法享有的权利的有：").text("平等就业和选择职业的权利").text("取得劳动报酬的权利")
			.text("休息休假的权利").text("无故旷工的权利").text("").text("").text("ABC").text("见《劳动法》第三条").text("3")
			.text("法律法规、劳动法");
		table.row().text("判断").text("工会会员享有选举权、被选举权和表决权。").text("").text("").text("").text("").text("")
			.text("").text("对").text("见《工会法》").text("1").text("工会法");

		table.sheet(HELP_SHEET).widths(14, 10, 70);
		for (String line : List.of("1. 在“" + DATA_SHEET + "”工作表填写，第 1 行为表头，请勿修改；从第 2 行起每行填写一道题（示例行请删除或改写）。",
				"2. 带红色表头的列必须填写。每个文件最多 " + maxRows + " 道题，文件不超过 10 MB。",
				"3. 上传后系统先逐行校验并列出错误（行号和列名）；全部无误才会导入，任何一行有错误都不会导入。",
				"4. 题库中已有的题目（题型和题干相同）不会重复导入，会列为错误。")) {
			table.line(line);
		}
		table.gap();
		table.totalRow().text("列名").text("是否必填").text("填写要求");
		for (QuestionColumn c : columns) {
			table.row().text(c.header()).text(c.required() ? "必填" : "选填").text(c.hint().isEmpty() ? "同选项A" : c.hint());
		}
		return table.bytes();
	}
}
