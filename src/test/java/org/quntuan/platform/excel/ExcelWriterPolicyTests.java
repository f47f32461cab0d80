package org.quntuan.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every export writes its spreadsheet through {@link ExcelTable}, which neutralises every text cell:
 * an export that made its own cells could let a file name or a field label open as a formula. Only
 * the package {@code org.quntuan.platform.excel} touches POI's workbooks and cells; reading uploads
 * goes through {@link XlsxReader}, which is in that package too.
 */
class ExcelWriterPolicyTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path EXCEL_PACKAGE = Path.of("org", "quntuan", "platform", "excel");

	/** Writing cells, making workbooks, or naming POI's cell-level or workbook classes (imported or inline). */
	private static final Pattern FORBIDDEN = Pattern.compile("\\.setCellValue\\s*\\(|\\.createCell\\s*\\("
			+ "|new\\s+S?XSSFWorkbook\\b|\\borg\\.apache\\.poi\\.ss\\.usermodel\\.(Cell|Row|Sheet|Workbook)\\b"
			+ "|\\borg\\.apache\\.poi\\.xssf\\.(usermodel|streaming)\\.");

	static List<String> violations(Path root) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				if (root.relativize(file).startsWith(EXCEL_PACKAGE)) {
					continue;
				}
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					Matcher m = FORBIDDEN.matcher(lines.get(i));
					if (m.find()) {
						found.add(root.relativize(file) + ":" + (i + 1) + ": " + m.group());
					}
				}
			}
		}
		return found;
	}

	@Test
	void noExportWritesCellsItself() throws IOException {
		assertThat(violations(SOURCES)).as("exports write through platform.excel.ExcelTable").isEmpty();
	}

	@Test
	void theCheckFindsAnExportThatWritesItsOwnCellsButNotTheExcelPackage(@TempDir Path root) throws IOException {
		Path export = root.resolve("org/quntuan/finance/SomeExport.java");
		Files.createDirectories(export.getParent());
		Files.writeString(export, """
				package org.quntuan.finance;

				import org.apache.poi.ss.usermodel.Cell;
				import org.apache.poi.xssf.usermodel.XSSFWorkbook;

				class SomeExport {
					void cell(org.apache.poi.ss.usermodel.Row row) {
					}

					byte[] write() {
						var book = new XSSFWorkbook();
						book.createSheet("x").createRow(0).createCell(0).setCellValue("=1+1");
						return null;
					}
				}
				""");
		Path table = root.resolve(EXCEL_PACKAGE).resolve("ExcelTable.java");
		Files.createDirectories(table.getParent());
		Files.writeString(table, "class ExcelTable { void x() { new XSSFWorkbook(); cell.setCellValue(1); } }\n");

		assertThat(violations(root)).hasSize(5)
			.allMatch(v -> v.startsWith(Path.of("org/quntuan/finance/SomeExport.java") + ":"))
			.anyMatch(v -> v.endsWith("usermodel.Cell"))
			.anyMatch(v -> v.contains(":7: org.apache.poi.ss.usermodel.Row"))
			.anyMatch(v -> v.contains(":11: new XSSFWorkbook"))
			.anyMatch(v -> v.contains(":12: .createCell("));
	}
}
