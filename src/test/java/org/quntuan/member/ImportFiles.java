package org.quntuan.member;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.IdNumber;
import org.springframework.mock.web.MockMultipartFile;

/** Import files made in the test with POI, and fresh people to fill them with. */
final class ImportFiles {

	static final List<String> HEADERS = List.of("姓名", "身份证号", "手机号", "所属单位", "性别", "职务", "政治面貌", "工会会籍", "入会日期",
			"在职状态");

	/** Shared by every test class in the run, so no two build the same person. */
	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private ImportFiles() {
	}

	/** A person nobody registered yet: a checksum-valid ID number (region 970101) and a 165 mobile. */
	record Person(String name, String idNumber, String mobile, boolean male) {

		static Person next(boolean male) {
			int n = SEQUENCE.incrementAndGet();
			LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n);
			String id17 = "970101" + birth.toString().replace("-", "") + "00" + (male ? "1" : "2");
			String name = "导入" + (char) ('甲' + n % 10) + (char) ('子' + n % 12) + n;
			return new Person(name, id17 + IdNumber.checkCharacter(id17), "165" + String.format("%08d", n), male);
		}

		/** A row of the template: name, ID, mobile, organ, then the optional columns. */
		List<Object> row(String organ, Object... optional) {
			List<Object> row = new ArrayList<>(List.of(name, idNumber, mobile, organ));
			row.addAll(Arrays.asList(optional));
			return row;
		}
	}

	/** The header row and these rows; a {@link LocalDate} becomes a real date cell, a number a number. */
	static byte[] xlsx(List<List<Object>> rows) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
			Sheet sheet = wb.createSheet("人员信息");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				header.createCell(i).setCellValue(HEADERS.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> values = rows.get(r);
				for (int i = 0; i < values.size(); i++) {
					Object v = values.get(i);
					if (v == null) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (v instanceof LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(date);
					}
					else if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else {
						cell.setCellValue(v.toString());
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A real workbook whose sheet is replaced by one cell of {@code megabytes} of the same letter:
	 * a few kilobytes on disk, far more once inflated.
	 */
	static byte[] zipBomb(int megabytes) throws IOException {
		byte[] normal = xlsx(List.of());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(normal));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(e.getName()));
				if (e.getName().equals("xl/worksheets/sheet1.xml")) {
					zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
							+ "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>").getBytes(StandardCharsets.UTF_8));
					byte[] chunk = "a".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
					for (int i = 0; i < megabytes; i++) {
						zip.write(chunk);
					}
					zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static MockMultipartFile file(byte[] content) {
		return file(content, "人员.xlsx");
	}

	static MockMultipartFile file(byte[] content, String name) {
		return new MockMultipartFile("file", name,
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
	}

	static XSSFWorkbook open(byte[] xlsx) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
	}
}
