package org.quntuan.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx file row by row with POI's SAX API, so that a large file never
 * sits in memory as a workbook. Dates come out as ISO text (2020-01-05), whole numbers without a
 * decimal point or exponent, everything else as Excel shows it. Whatever goes wrong in the file is
 * an {@link ExcelFileException} with a Chinese message, never a stack trace.
 */
public final class XlsxReader {

	private static final Logger log = LoggerFactory.getLogger(XlsxReader.class);

	/**
	 * No part of a workbook we accept inflates beyond this. POI's default is 4 GB; its ratio check
	 * (at most 100:1) stays as it is and catches the usual zip bombs early.
	 */
	static final long MAX_ENTRY_SIZE = 256L * 1024 * 1024;

	static {
		if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_SIZE) {
			ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
		}
	}

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	/** A non-empty row, numbered as Excel shows it (the first row is 1); blank cells are null. */
	public record Row(int number, List<String> cells) {

		public String cell(int index) {
			return index < cells.size() ? cells.get(index) : null;
		}
	}

	/** Receives the rows in order; may throw an {@link ExcelFileException} to stop reading. */
	public interface RowHandler {
		void row(Row row);
	}

	private XlsxReader() {
	}

	/**
	 * @param maxColumns cells to the right of this many columns are ignored
	 */
	public static void read(Path file, int maxColumns, RowHandler handler) {
		requireXlsxSignature(file);
		OPCPackage pkg = null;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(pkg);
			reader.setUseReadOnlySharedStringsTable(true);
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			if (!sheets.hasNext()) {
				throw new ExcelFileException(ExcelFileException.Reason.BAD_LAYOUT, "platform.excel.no-sheet");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
						reader.getSharedStringsTable(), new Rows(maxColumns, handler), new CellFormatter(), false));
				xml.parse(new InputSource(sheet));
			}
		}
		catch (Exception ex) {
			throw translate(ex);
		}
		finally {
			if (pkg != null) {
				pkg.revert(); // closes without writing: close() would try to save the package
			}
		}
	}

	/** Only a ZIP that POI can open as OOXML is an .xlsx file; the name and the declared type say nothing. */
	static void requireXlsxSignature(Path file) {
		byte[] head = new byte[4];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, 4);
		}
		catch (IOException ex) {
			throw new ExcelFileException(ExcelFileException.Reason.DAMAGED, "platform.excel.unreadable", ex);
		}
		if (n == 4 && Arrays.equals(head, OLE2)) {
			throw new ExcelFileException(ExcelFileException.Reason.NOT_XLSX,
					"platform.excel.old-or-encrypted");
		}
		if (n < 4 || !Arrays.equals(head, ZIP)) {
			throw new ExcelFileException(ExcelFileException.Reason.NOT_XLSX, "platform.excel.not-xlsx");
		}
	}

	private static ExcelFileException translate(Exception ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ExcelFileException known) {
				return known;
			}
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (message.contains("Zip bomb") || message.contains("exceeds the maximum")
					|| message.contains("MaxEntrySize") || message.contains("max file count")) {
				log.warn("Refused a suspicious spreadsheet: {}", message);
				return new ExcelFileException(ExcelFileException.Reason.DAMAGED,
						"platform.excel.zip-bomb", ex);
			}
			if (t instanceof NotOfficeXmlFileException
					|| t instanceof InvalidFormatException) {
				return new ExcelFileException(ExcelFileException.Reason.NOT_XLSX,
						"platform.excel.invalid-xlsx", ex);
			}
		}
		log.info("Could not read a spreadsheet: {}", ex.toString());
		return new ExcelFileException(ExcelFileException.Reason.DAMAGED, "platform.excel.damaged", ex);
	}

	/** Collects the cells of a row by their column and hands over the non-empty rows. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final int maxColumns;

		private final RowHandler handler;

		private final List<String> cells = new ArrayList<>();

		private int lastColumn = -1;

		Rows(int maxColumns, RowHandler handler) {
			this.maxColumns = maxColumns;
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			cells.clear();
			lastColumn = -1;
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? lastColumn + 1 : new CellReference(reference).getCol();
			lastColumn = column;
			if (column >= maxColumns || value == null || value.isBlank()) {
				return;
			}
			while (cells.size() <= column) {
				cells.add(null);
			}
			cells.set(column, value);
		}

		@Override
		public void endRow(int rowNum) {
			if (!cells.isEmpty()) {
				handler.row(new Row(rowNum + 1, Collections.unmodifiableList(new ArrayList<>(cells))));
			}
		}
	}

	/** Dates as ISO text whatever their display format; whole numbers (a mobile typed as a number) in full. */
	static final class CellFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value).toLocalDate().toString();
			}
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				return Long.toString((long) value);
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}
	}
}
