package org.quntuan.platform.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;

/**
 * The one way an export writes a spreadsheet: sheets of a title, a header and rows, written left to
 * right. Every text cell goes through {@link ExcelText#neutralise}, so no value a user typed (a
 * name, a file name, a field label) can open as a formula; amounts are number cells with two
 * decimals, dates {@code yyyy-MM-dd}, times in Beijing time {@code yyyy-MM-dd HH:mm}. Exports never
 * touch POI's cells themselves ({@code ExcelWriterPolicyTests} checks the sources).
 * <p>
 * {@link #streaming()} keeps only a window of rows in memory, for lists that may run to a hundred
 * thousand rows; {@link #create()} keeps the whole workbook, for small boards.
 */
public final class ExcelTable implements AutoCloseable {

	private static final int WINDOW = 100;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** One column: its title, its width in characters, and whether its title is red (a column that must be filled). */
	public record Column(String title, int width, boolean marked) {

		public Column(String title, int width) {
			this(title, width, false);
		}
	}

	/** How the empty cells of a column are formatted, for templates that users fill in. */
	public enum Format {

		/** Text ("@"): ID numbers and mobiles keep their digits. */
		TEXT("@"),
		/** A date, yyyy-mm-dd. */
		DATE("yyyy-mm-dd"),
		/** Yuan with thousands separators and two decimals. */
		MONEY("#,##0.00");

		private final String pattern;

		Format(String pattern) {
			this.pattern = pattern;
		}
	}

	private final Workbook workbook;

	private final CellStyle bold;

	private final CellStyle money;

	private final CellStyle percent;

	private final CellStyle red;

	private final CellStyle[] formats = new CellStyle[Format.values().length];

	private Sheet sheet;

	private int next;

	private int headerRow = -1;

	private int headerColumns;

	private ExcelTable(Workbook workbook) {
		this.workbook = workbook;
		Font font = workbook.createFont();
		font.setBold(true);
		this.bold = workbook.createCellStyle();
		this.bold.setFont(font);
		this.money = workbook.createCellStyle();
		this.money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
		this.percent = workbook.createCellStyle();
		this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
		Font redFont = workbook.createFont();
		redFont.setBold(true);
		redFont.setColor(IndexedColors.RED.getIndex());
		this.red = workbook.createCellStyle();
		this.red.setFont(redFont);
	}

	/** A workbook held in memory, for boards and lists of a few thousand rows. */
	public static ExcelTable create() {
		return new ExcelTable(new XSSFWorkbook());
	}

	/** A workbook that keeps {@value #WINDOW} rows in memory, for lists of any length. */
	public static ExcelTable streaming() {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		workbook.setCompressTempFiles(true);
		return new ExcelTable(workbook);
	}

	/** Starts a sheet (the next rows go there); a name Excel refuses is cleaned. */
	public ExcelTable sheet(String name) {
		this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
		this.next = 0;
		this.headerRow = -1;
		return this;
	}

	/** A bold line above the table, e.g. the org and the period. */
	public ExcelTable title(String text) {
		Row row = sheet().createRow(next++);
		text(row, 0, text, bold);
		return this;
	}

	/** A plain line of text, e.g. a note on what the figures mean. */
	public ExcelTable line(String text) {
		Row row = sheet().createRow(next++);
		text(row, 0, text, null);
		return this;
	}

	/** An empty line. */
	public ExcelTable gap() {
		next++;
		return this;
	}

	/** The header row in bold, and the columns' widths; the rows below it stay in view when scrolling. */
	public ExcelTable header(Column... columns) {
		headerRow = next;
		headerColumns = columns.length;
		Row row = sheet().createRow(next++);
		for (int i = 0; i < columns.length; i++) {
			text(row, i, columns[i].title(), columns[i].marked() ? red : bold);
			sheet.setColumnWidth(i, Math.min(255, columns[i].width()) * 256);
		}
		sheet.createFreezePane(0, next);
		return this;
	}

	/** The same, with titles and widths side by side in two arrays. */
	public ExcelTable header(String[] titles, int[] widths) {
		if (titles.length != widths.length) {
			throw new IllegalArgumentException("titles and widths differ in length");
		}
		Column[] columns = new Column[titles.length];
		for (int i = 0; i < titles.length; i++) {
			columns[i] = new Column(titles[i], widths[i]);
		}
		return header(columns);
	}

	/** The columns' widths in characters, for a sheet without a header row (a statement, instructions). */
	public ExcelTable widths(int... widths) {
		for (int i = 0; i < widths.length; i++) {
			sheet().setColumnWidth(i, Math.min(255, widths[i]) * 256);
		}
		return this;
	}

	/** Filter buttons on the header row over the rows written so far (call after the last row). */
	public ExcelTable autoFilter() {
		if (headerRow < 0) {
			throw new IllegalStateException("no header row to filter");
		}
		sheet().setAutoFilter(new CellRangeAddress(headerRow, Math.max(next - 1, headerRow + 1), 0, headerColumns - 1));
		return this;
	}

	/** The empty cells of a column take this format, for a template that users fill in. */
	public ExcelTable columnFormat(int column, Format format) {
		CellStyle style = formats[format.ordinal()];
		if (style == null) {
			style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(format.pattern));
			formats[format.ordinal()] = style;
		}
		sheet().setDefaultColumnStyle(column, style);
		return this;
	}

	/**
	 * A drop-down of the given values in a column, from the row below the header to {@code lastRow}
	 * (0-based); anything else typed there is refused with {@code error}.
	 */
	public ExcelTable dropDown(int column, int lastRow, String[] values, String error) {
		DataValidationHelper helper = sheet().getDataValidationHelper();
		return validation(helper, helper.createExplicitListConstraint(values), column, lastRow, error);
	}

	/**
	 * A drop-down of the values in column A of another sheet of this workbook, rows {@code fromRow} to
	 * {@code toRow} as Excel numbers them (1-based).
	 */
	public ExcelTable dropDownFrom(int column, int lastRow, String sourceSheet, int fromRow, int toRow, String error) {
		DataValidationHelper helper = sheet().getDataValidationHelper();
		String range = "'" + sourceSheet.replace("'", "''") + "'!$A$" + fromRow + ":$A$" + toRow;
		return validation(helper, helper.createFormulaListConstraint(range), column, lastRow, error);
	}

	private ExcelTable validation(DataValidationHelper helper, DataValidationConstraint constraint, int column,
			int lastRow, String error) {
		int first = headerRow < 0 ? 0 : headerRow + 1;
		DataValidation validation = helper.createValidation(constraint,
				new CellRangeAddressList(first, lastRow, column, column));
		validation.setShowErrorBox(true);
		validation.createErrorBox(Texts.localized("platform.excel.invalid-input"), error);
		sheet.addValidationData(validation);
		return this;
	}

	/** A new row, filled left to right. */
	public Line row() {
		return new Line(sheet().createRow(next++), false);
	}

	/** A new row in bold (a total). */
	public Line totalRow() {
		return new Line(sheet().createRow(next++), true);
	}

	/** The rows written to the current sheet so far, title and header included. */
	public int rowCount() {
		return next;
	}

	public byte[] bytes() {
		try (this; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the workbook to a response body; the caller owns the stream. */
	public void writeTo(OutputStream out) throws IOException {
		workbook.write(out);
	}

	@Override
	public void close() {
		try {
			if (workbook instanceof SXSSFWorkbook streaming) {
				streaming.dispose();
			}
			workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Sheet sheet() {
		if (sheet == null) {
			throw new IllegalStateException("call sheet(name) first");
		}
		return sheet;
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(ExcelText.neutralise(value));
		}
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/** One row, filled cell by cell from the left; a null leaves its cell blank. */
	public final class Line {

		private final Row row;

		private final boolean strong;

		private int column;

		private Line(Row row, boolean strong) {
			this.row = row;
			this.strong = strong;
		}

		public Line text(String value) {
			ExcelTable.text(row, column++, value, strong ? bold : null);
			return this;
		}

		/** A count, an id or a year: a whole number, no separators. */
		public Line number(Long value) {
			Cell cell = row.createCell(column++);
			if (value != null) {
				cell.setCellValue(value);
			}
			return this;
		}

		public Line number(Integer value) {
			return number(value == null ? null : value.longValue());
		}

		/** A figure with decimals (a score, a rate in percent), as a plain number cell. */
		public Line decimal(BigDecimal value) {
			Cell cell = row.createCell(column++);
			if (value != null) {
				cell.setCellValue(value.doubleValue());
			}
			return this;
		}

		/** Yuan with thousands separators and two decimals. */
		public Line money(BigDecimal value) {
			Cell cell = row.createCell(column++);
			cell.setCellStyle(money);
			if (value != null) {
				cell.setCellValue(value.doubleValue());
			}
			return this;
		}

		/** A share given as a fraction (0.905 shows 90.5%). */
		public Line percent(BigDecimal fraction) {
			Cell cell = row.createCell(column++);
			cell.setCellStyle(percent);
			if (fraction != null) {
				cell.setCellValue(fraction.doubleValue());
			}
			return this;
		}

		public Line date(LocalDate value) {
			return text(value == null ? null : value.toString());
		}

		/** A moment in Beijing time. */
		public Line time(OffsetDateTime value) {
			return text(value == null ? null : value.atZoneSameInstant(Zones.BUSINESS).format(TIME));
		}

		public Line time(Instant value) {
			return text(value == null ? null : value.atZone(Zones.BUSINESS).format(TIME));
		}

		/** Leaves a cell empty. */
		public Line skip() {
			column++;
			return this;
		}
	}
}
