package org.quntuan.member;

import java.util.Arrays;
import java.util.List;

import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.Coded;
import org.quntuan.platform.excel.ExcelTable;
import org.quntuan.platform.excel.ExcelTable.Format;

/**
 * The import template: the sheet to fill in (headers, text-formatted number columns, drop-downs of
 * the allowed values), a sheet 填写说明 explaining every column, and the organs the caller may import
 * into. Small, so it is built in memory.
 */
final class ImportTemplate {

	static final String FILE_NAME = "人员批量导入模板.xlsx";

	static final String DATA_SHEET = "人员信息";

	static final String HELP_SHEET = "填写说明";

	static final String ORGAN_SHEET = "可选单位";

	private ImportTemplate() {
	}

	static byte[] build(List<OrgSummary> organs, int maxRows, long maxMegabytes) {
		ExcelTable table = ExcelTable.create().sheet(DATA_SHEET);
		ImportColumn[] columns = ImportColumn.values();
		ExcelTable.Column[] header = new ExcelTable.Column[columns.length];
		for (ImportColumn c : columns) {
			header[c.ordinal()] = new ExcelTable.Column(c.header(), c.width(), c.required());
		}
		table.header(header);
		for (ImportColumn c : columns) {
			table.columnFormat(c.ordinal(), c == ImportColumn.UNION_JOINED_ON ? Format.DATE : Format.TEXT);
		}
		int lastRow = Math.min(maxRows, 1_048_575);
		listOf(table, ImportColumn.GENDER, labels(Gender.class), lastRow);
		listOf(table, ImportColumn.POLITICAL_STATUS, labels(PoliticalStatus.class), lastRow);
		listOf(table, ImportColumn.UNION_STATUS, labels(UnionStatus.class), lastRow);
		listOf(table, ImportColumn.EMPLOYMENT_STATUS, labels(EmploymentStatus.class), lastRow);
		if (!organs.isEmpty()) {
			table.dropDownFrom(ImportColumn.ORGAN.ordinal(), lastRow, ORGAN_SHEET, 2, organs.size() + 1,
					error(ImportColumn.ORGAN));
		}

		table.sheet(HELP_SHEET).widths(14, 10, 70, 40);
		for (String line : List.of("1. 在“" + DATA_SHEET + "”工作表填写，第 1 行为表头，请勿修改；从第 2 行起每行填写一人。",
				"2. 带红色表头的列必须填写，其余列可不填。身份证号、手机号请保持文本格式。",
				"3. 每个文件最多 " + maxRows + " 行人员数据，文件不超过 " + maxMegabytes + " MB。",
				"4. 上传后系统先逐行校验并列出错误；全部无误后确认导入，任何一行有错误都不会导入。",
				"5. 本功能只登记新人员：已登记的身份证号、在册人员已使用的手机号会被列为错误。")) {
			table.line(line);
		}
		table.gap();
		table.totalRow().text("列名").text("是否必填").text("填写要求").text("可选值");
		for (ImportColumn c : columns) {
			table.row().text(c.header()).text(c.required() ? "必填" : "选填").text(c.hint()).text(allowed(c));
		}

		table.sheet(ORGAN_SHEET).widths(30).line("您可导入的单位（填写“所属单位”时请使用全称）");
		for (OrgSummary organ : organs) {
			table.line(organ.name());
		}
		return table.bytes();
	}

	private static String allowed(ImportColumn c) {
		return switch (c) {
			case GENDER -> String.join("、", labels(Gender.class));
			case POLITICAL_STATUS -> String.join("、", labels(PoliticalStatus.class));
			case UNION_STATUS -> String.join("、", labels(UnionStatus.class));
			case EMPLOYMENT_STATUS -> String.join("、", labels(EmploymentStatus.class));
			case ORGAN -> "见“" + ORGAN_SHEET + "”工作表";
			default -> "";
		};
	}

	static <E extends Enum<E> & Coded> String[] labels(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Coded::label).toArray(String[]::new);
	}

	private static void listOf(ExcelTable table, ImportColumn column, String[] values, int lastRow) {
		table.dropDown(column.ordinal(), lastRow, values, error(column));
	}

	private static String error(ImportColumn column) {
		return "请从下拉列表中选择：" + column.header();
	}
}
