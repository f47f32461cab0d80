package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.IdNumber;
import org.quntuan.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Timing of the Excel import and export at scale: ten imports of 10,000 people (each a dry run,
 * then the real import), then an export of everyone the federation admin sees (over 100,000). Not
 * part of the build (the name matches no test pattern; timing claims are no tests). Run it alone,
 * with a small heap, on PostgreSQL:
 *
 * <pre>
 * ./mvnw -B -o test-compile surefire:test@postgres-test -Dtest=MemberExcelBench -DargLine=-Xmx128m
 * </pre>
 *
 * On the development machine (2026-11-27, PostgreSQL 17 embedded): 10,000 rows took 1.3 to 2.2 s
 * (dry run 0.3 to 0.5 s plus import 1.0 to 1.8 s; the first batch, with a cold JVM, 3.6 to 4.2 s);
 * the export of 100,360 people 3.4 s (4.5 s with a 128 MB heap), 4.4 MB.
 */
@Tag("benchmark")
@TestPropertySource(properties = "quntuan.import.max-rows=50000")
class MemberExcelBench extends IntegrationTest {

	private static final int BATCHES = 10;

	private static final int ROWS = 10_000;

	@Test
	void tenImportsOfTenThousandPeopleThenOneExportOfEveryone() throws Exception {
		List<String> organs = jdbc.sql("select name from org where type = 'ORGAN' and active = true order by id")
			.query(String.class).list();
		for (int batch = 0; batch < BATCHES; batch++) {
			byte[] file = file(batch, organs);
			long t0 = System.nanoTime();
			mvc.perform(multipart("/api/v1/members/import").file(ImportFiles.file(file)).param("dryRun", "true")
				.header("Authorization", bearer("admin"))).andExpect(status().isOk());
			long t1 = System.nanoTime();
			mvc.perform(multipart("/api/v1/members/import").file(ImportFiles.file(file))
				.header("Authorization", bearer("admin"))).andExpect(status().isOk());
			long t2 = System.nanoTime();
			System.out.printf("BENCH import batch %d: %d rows, %d KB: dry run %d ms, import %d ms, total %d ms%n", batch,
					ROWS, file.length / 1024, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000);
		}
		long people = jdbc.sql("select count(*) from person where active = true").query(Long.class).single();
		long t0 = System.nanoTime();
		byte[] xlsx = mvc.perform(get("/api/v1/members/export").header("Authorization", bearer("admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		long t1 = System.nanoTime();
		System.out.printf("BENCH export: %d people, %d KB in %d ms, with a maximum heap of %d MB for the whole application%n",
				people, xlsx.length / 1024, (t1 - t0) / 1_000_000, Runtime.getRuntime().maxMemory() / (1024 * 1024));
		assertThat(people).isGreaterThan(BATCHES * ROWS);
	}

	/** 10,000 fresh people over every organ, written with the streaming workbook to keep the heap small. */
	private static byte[] file(int batch, List<String> organs) throws Exception {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("人员信息");
			Row header = sheet.createRow(0);
			for (int i = 0; i < ImportFiles.HEADERS.size(); i++) {
				header.createCell(i).setCellValue(ImportFiles.HEADERS.get(i));
			}
			for (int r = 0; r < ROWS; r++) {
				int n = batch * ROWS + r;
				LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(n % 12_000);
				String id17 = "960101" + birth.toString().replace("-", "") + String.format("%02d", n / 12_000) + (n % 2 == 0 ? "1" : "2");
				Row row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue("压测" + (char) ('甲' + n % 10) + n);
				row.createCell(1).setCellValue(id17 + IdNumber.checkCharacter(id17));
				row.createCell(2).setCellValue("164" + String.format("%08d", n));
				row.createCell(3).setCellValue(organs.get(n % organs.size()));
				row.createCell(5).setCellValue("科员");
				row.createCell(8).setCellValue("2015-03-01");
			}
			wb.write(out);
			wb.dispose();
			return out.toByteArray();
		}
	}
}
