package org.quntuan.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.excel.ExcelText;

/** A small .xlsx of a few sheets (forms and rankings have at most some thousand rows), bold headers, safe text. */
final class ReportWorkbook implements AutoCloseable {

	private final XSSFWorkbook workbook = new XSSFWorkbook();

	private final CellStyle header;

	private Sheet sheet;

	private int next;

	ReportWorkbook() {
		header = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		header.setFont(bold);
	}

	ReportWorkbook sheet(String name, List<String> headers) {
		sheet = workbook.createSheet(name);
		next = 0;
		Row row = sheet.createRow(next++);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(header);
			sheet.setColumnWidth(i, Math.min(40, Math.max(10, headers.get(i).length() * 2 + 4)) * 256);
		}
		sheet.createFreezePane(0, 1);
		return this;
	}

	/** Numbers become numeric cells, everything else text with formula-like starts neutralised. */
	void row(List<?> values) {
		Row row = sheet.createRow(next++);
		for (int i = 0; i < values.size(); i++) {
			Object v = values.get(i);
			if (v == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (v instanceof BigDecimal d) {
				cell.setCellValue(d.doubleValue());
			}
			else if (v instanceof Number n) {
				cell.setCellValue(n.doubleValue());
			}
			else {
				cell.setCellValue(ExcelText.neutralise(v.toString()));
			}
		}
	}

	byte[] bytes() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
