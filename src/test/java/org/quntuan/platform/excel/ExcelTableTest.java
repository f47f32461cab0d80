package org.quntuan.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
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
}
