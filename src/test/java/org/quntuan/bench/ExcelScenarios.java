package org.quntuan.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.quntuan.platform.IdNumber;

/**
 * The Excel figures of the benchmark, against the running platform: a 10,000-row import (dry run,
 * then the import itself) and the export of everyone the federation admin sees.
 */
final class ExcelScenarios {

	static final List<String> HEADERS = List.of("姓名", "身份证号", "手机号", "所属单位", "性别", "职务", "政治面貌", "工会会籍",
			"入会日期", "在职状态");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String adminToken;

	ExcelScenarios(String base, String adminToken) {
		this.base = base;
		this.adminToken = adminToken;
	}

	void run(List<String> organs) throws Exception {
		byte[] file = file(10_000, organs);
		long t0 = System.nanoTime();
		HttpResponse<String> dry = upload(file, true);
		long t1 = System.nanoTime();
		HttpResponse<String> real = upload(file, false);
		long t2 = System.nanoTime();
		System.out.printf("%n导入 10000 行（%d KB）：预检 %d ms（%d），导入 %d ms（%d），合计 %d ms%n", file.length / 1024,
				(t1 - t0) / 1_000_000, dry.statusCode(), (t2 - t1) / 1_000_000, real.statusCode(), (t2 - t0) / 1_000_000);
		if (real.statusCode() != 200) {
			System.out.println(real.body().substring(0, Math.min(500, real.body().length())));
		}

		long t3 = System.nanoTime();
		HttpResponse<InputStream> export = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/members/export"))
			.header("Authorization", "Bearer " + adminToken).timeout(Duration.ofMinutes(2)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		long bytes;
		try (InputStream in = export.body()) {
			bytes = in.transferTo(OutputStreamSink.INSTANCE);
		}
		long t4 = System.nanoTime();
		System.out.printf("导出全部人员：%d KB，%d ms（%d），服务端堆上限 512 MB%n", bytes / 1024, (t4 - t3) / 1_000_000,
				export.statusCode());
	}

	private HttpResponse<String> upload(byte[] file, boolean dryRun) throws IOException, InterruptedException {
		String boundary = "----quntuan" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/members/import?dryRun=" + dryRun))
			.header("Authorization", "Bearer " + adminToken)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Fresh people spread over the organs; numbers from a region code (96…) no demo person has. */
	static byte[] file(int rows, List<String> organs) throws IOException {
		int salt = (int) (System.currentTimeMillis() / 1000 % 90);
		try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("人员信息");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				header.createCell(i).setCellValue(HEADERS.get(i));
			}
			for (int r = 0; r < rows; r++) {
				LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(r % 12_000);
				String id17 = "96" + String.format("%02d", salt) + "01" + birth.toString().replace("-", "")
						+ String.format("%02d", r / 12_000) + (r % 2 == 0 ? "1" : "2");
				Row row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue("测试" + "甲乙丙丁戊己庚辛壬癸".charAt(r % 10) + "明华伟芳".charAt(r % 4));
				row.createCell(1).setCellValue(id17 + IdNumber.checkCharacter(id17));
				row.createCell(2).setCellValue("17" + String.format("%02d", salt) + String.format("%07d", r));
				row.createCell(3).setCellValue(organs.get(r % organs.size()));
				row.createCell(5).setCellValue("科员");
			}
			wb.write(out);
			wb.dispose();
			return out.toByteArray();
		}
	}

	/** Counts and drops the export's bytes: the client's memory is not what is measured. */
	private static final class OutputStreamSink extends OutputStream {

		static final OutputStreamSink INSTANCE = new OutputStreamSink();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}
	}
}
