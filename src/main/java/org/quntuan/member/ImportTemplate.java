package org.quntuan.member;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.Coded;

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
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle text = wb.createCellStyle();
			text.setDataFormat(wb.createDataFormat().getFormat("@"));
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle required = headerStyle(wb, true);
			CellStyle optional = headerStyle(wb, false);

			Sheet data = wb.createSheet(DATA_SHEET);
			Row header = data.createRow(0);
			for (ImportColumn c : ImportColumn.values()) {
				Cell cell = header.createCell(c.ordinal());
				cell.setCellValue(c.header());
				cell.setCellStyle(c.required() ? required : optional);
				data.setColumnWidth(c.ordinal(), c.width() * 256);
				data.setDefaultColumnStyle(c.ordinal(), c == ImportColumn.UNION_JOINED_ON ? date : text);
			}
			data.createFreezePane(0, 1);
			int lastRow = Math.min(maxRows, 1_048_575);
			listOf(data, ImportColumn.GENDER, labels(Gender.class), lastRow);
			listOf(data, ImportColumn.POLITICAL_STATUS, labels(PoliticalStatus.class), lastRow);
			listOf(data, ImportColumn.UNION_STATUS, labels(UnionStatus.class), lastRow);
			listOf(data, ImportColumn.EMPLOYMENT_STATUS, labels(EmploymentStatus.class), lastRow);

			Sheet help = wb.createSheet(HELP_SHEET);
			help.setColumnWidth(0, 14 * 256);
			help.setColumnWidth(1, 10 * 256);
			help.setColumnWidth(2, 70 * 256);
			help.setColumnWidth(3, 40 * 256);
			int r = 0;
			for (String line : List.of("1. 在“" + DATA_SHEET + "”工作表填写，第 1 行为表头，请勿修改；从第 2 行起每行填写一人。",
					"2. 带红色表头的列必须填写，其余列可不填。身份证号、手机号请保持文本格式。",
					"3. 每个文件最多 " + maxRows + " 行人员数据，文件不超过 " + maxMegabytes + " MB。",
					"4. 上传后系统先逐行校验并列出错误；全部无误后确认导入，任何一行有错误都不会导入。",
					"5. 本功能只登记新人员：已登记的身份证号、在册人员已使用的手机号会被列为错误。")) {
				help.createRow(r++).createCell(0).setCellValue(line);
			}
			r++;
			Row titles = help.createRow(r++);
			String[] heads = { "列名", "是否必填", "填写要求", "可选值" };
			for (int i = 0; i < heads.length; i++) {
				titles.createCell(i).setCellValue(heads[i]);
				titles.getCell(i).setCellStyle(optional);
			}
			for (ImportColumn c : ImportColumn.values()) {
				Row row = help.createRow(r++);
				row.createCell(0).setCellValue(c.header());
				row.createCell(1).setCellValue(c.required() ? "必填" : "选填");
				row.createCell(2).setCellValue(c.hint());
				row.createCell(3).setCellValue(allowed(c));
			}

			Sheet organSheet = wb.createSheet(ORGAN_SHEET);
			organSheet.setColumnWidth(0, 30 * 256);
			organSheet.createRow(0).createCell(0).setCellValue("您可导入的单位（填写“所属单位”时请使用全称）");
			for (int i = 0; i < organs.size(); i++) {
				organSheet.createRow(i + 1).createCell(0).setCellValue(organs.get(i).name());
			}
			if (!organs.isEmpty()) {
				DataValidationHelper helper = data.getDataValidationHelper();
				DataValidationConstraint constraint = helper
					.createFormulaListConstraint("'" + ORGAN_SHEET + "'!$A$2:$A$" + (organs.size() + 1));
				add(data, helper, constraint, ImportColumn.ORGAN, lastRow);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CellStyle headerStyle(XSSFWorkbook wb, boolean required) {
		Font font = wb.createFont();
		font.setBold(true);
		if (required) {
			font.setColor(IndexedColors.RED.getIndex());
		}
		CellStyle style = wb.createCellStyle();
		style.setFont(font);
		return style;
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

	private static void listOf(Sheet sheet, ImportColumn column, String[] values, int lastRow) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		add(sheet, helper, helper.createExplicitListConstraint(values), column, lastRow);
	}

	private static void add(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
			ImportColumn column, int lastRow) {
		DataValidation validation = helper.createValidation(constraint,
				new CellRangeAddressList(1, lastRow, column.ordinal(), column.ordinal()));
		validation.setShowErrorBox(true);
		validation.createErrorBox("输入有误", "请从下拉列表中选择：" + column.header());
		sheet.addValidationData(validation);
	}
}
