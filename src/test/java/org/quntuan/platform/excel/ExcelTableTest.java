package org.quntuan.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExcelTableTest {

	private static Sheet read(byte[] bytes) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(bytes)).getSheetAt(0);
	}

	@Test
	void everyTextCellIsNeutralisedTitlesHeadersAndValuesAlike() throws IOException {
		for (ExcelTable table : new ExcelTable[] { ExcelTable.create(), ExcelTable.streaming() }) {
			table.sheet("名单").title("=HYPERLINK(\"http://x\")").header(new String[] { "+1", "姓名" }, new int[] { 6, 12 });
			table.row().text("@SUM(A1)").text("-2+3");
			Sheet sheet = read(table.bytes());
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'+1");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'@SUM(A1)");
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'-2+3");
			assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
		}
	}

	@Test
	void amountsAreNumbersAndTimesAreBeijingTime() throws IOException {
		ExcelTable table = ExcelTable.create().sheet("收支");
		table.header(new ExcelTable.Column("金额", 12), new ExcelTable.Column("日期", 12), new ExcelTable.Column("时间", 18),
				new ExcelTable.Column("人数", 6));
		table.row()
			.money(new BigDecimal("1234.50"))
			.date(LocalDate.of(2026, 12, 5))
			.time(OffsetDateTime.of(2026, 12, 5, 17, 30, 0, 0, ZoneOffset.UTC))
			.number(2026);
		table.row().money(null).skip().text(null).number((Long) null);
		Sheet sheet = read(table.bytes());
		assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1234.5);
		assertThat(sheet.getRow(1).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
		assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("2026-12-05");
		assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("2026-12-06 01:30");
		assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2026);
		assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.BLANK);
	}

	@Test
	void aTemplateHasRedTitlesForRequiredColumnsFormattedColumnsAndDropDowns() throws IOException {
		ExcelTable table = ExcelTable.create().sheet("人员信息");
		table.header(new ExcelTable.Column("姓名", 12, true), new ExcelTable.Column("性别", 6),
				new ExcelTable.Column("所属单位", 20));
		table.columnFormat(0, ExcelTable.Format.TEXT).dropDown(1, 500, new String[] { "男", "女" }, "请选择性别");
		table.dropDownFrom(2, 500, "可选单位", 2, 3, "请选择单位");
		table.sheet("可选单位").line("单位").line("=市财政局").line("市教育局");
		XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(table.bytes()));
		XSSFSheet data = book.getSheetAt(0);
		assertThat(book.getFontAt(data.getRow(0).getCell(0).getCellStyle().getFontIndex()).getColor())
			.isEqualTo(IndexedColors.RED.getIndex());
		assertThat(book.getFontAt(data.getRow(0).getCell(1).getCellStyle().getFontIndex()).getColor())
			.isNotEqualTo(IndexedColors.RED.getIndex());
		assertThat(data.getColumnStyle(0).getDataFormatString()).isEqualTo("@");
		List<XSSFDataValidation> validations = data.getDataValidations();
		assertThat(validations).hasSize(2);
		assertThat(validations).anySatisfy(v -> {
			assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("男", "女");
			assertThat(v.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo("B2:B501");
		});
		assertThat(validations).anySatisfy(
				v -> assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("'可选单位'!$A$2:$A$3"));
		assertThat(book.getSheet("可选单位").getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=市财政局");
	}

	@Test
	void decimalsAreNumbersAndTheFilterCoversTheHeaderAndTheRows() throws IOException {
		ExcelTable table = ExcelTable.create().sheet("排名").title("2026 年度").header(new String[] { "片组", "得分" },
				new int[] { 12, 8 });
		table.row().text("第一片组").decimal(new BigDecimal("87.25"));
		table.row().text("第二片组").decimal(null);
		table.autoFilter();
		XSSFSheet sheet = new XSSFWorkbook(new ByteArrayInputStream(table.bytes())).getSheetAt(0);
		assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(87.25);
		assertThat(sheet.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.BLANK);
		assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:B4");
	}
}
