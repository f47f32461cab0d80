package org.quntuan.platform.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What every .xlsx export writes the same way: a bold style, a money style (#,##0.00), text cells
 * neutralised against formula injection, amounts as numbers, a header row with column widths, and
 * the workbook as bytes.
 */
public final class ExcelCells {

	private ExcelCells() {
	}

	public static CellStyle bold(Workbook workbook) {
		Font font = workbook.createFont();
		font.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		return style;
	}

	/** Yuan with thousands separators and two decimals. */
	public static CellStyle money(Workbook workbook) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
		return style;
	}

	/** A text cell (neutralised), styled if a style is given; no cell for null. */
	public static void text(Row row, int column, String value, CellStyle style) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(ExcelText.neutralise(value));
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/** An amount as a number cell in the given style; no cell for null. */
	public static void number(Row row, int column, BigDecimal value, CellStyle style) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(value.doubleValue());
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/** The titles in one row, each column {@code widths[i]} characters wide. */
	public static void header(Sheet sheet, int rowIndex, String[] titles, int[] widths, CellStyle style) {
		Row row = sheet.createRow(rowIndex);
		for (int i = 0; i < titles.length; i++) {
			text(row, i, titles[i], style);
			sheet.setColumnWidth(i, widths[i] * 256);
		}
	}

	/** Writes the workbook out and closes it. */
	public static byte[] bytes(XSSFWorkbook workbook) {
		try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
