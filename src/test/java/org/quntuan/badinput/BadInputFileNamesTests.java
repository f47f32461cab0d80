package org.quntuan.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Uploaded file names that try to leave the storage directory or hide what they are: the name is
 * only metadata, cleaned; the bytes land under a server-made name inside the storage root.
 */
class BadInputFileNamesTests extends BadInputTest {

	static final List<String> HOSTILE = List.of("../../etc/passwd.pdf", "..\\..\\x.pdf", "/etc/cron.d/x.pdf",
			"C:\\Windows\\system32\\x.pdf", "a\u0000b.pdf", "..\u0000/..\u0000/y.pdf", "evil\u202Efdp.exe.pdf",
			"line\r\nbreak\t.pdf", ".hidden.pdf", "....//....//z.pdf");

	@Autowired
	FileStorage storage;

	@Value("${quntuan.files.root}")
	String root;

	private static byte[] pdf() {
		return "%PDF-1.7\nbad input battery\n%%EOF".getBytes(StandardCharsets.UTF_8);
	}

	private static Set<Path> filesUnder(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return Set.copyOf(files.filter(Files::isRegularFile).map(Path::toAbsolutePath).toList());
		}
	}

	@Test
	void hostileNamesAreCleanedAndTheBytesStayInsideTheRoot() throws IOException {
		Path storageRoot = Path.of(root).toAbsolutePath().normalize();
		Path outside = storageRoot.getParent();
		Set<Path> outsideBefore = filesUnder(outside).stream().filter(p -> !p.startsWith(storageRoot))
			.collect(Collectors.toSet());
		for (String name : HOSTILE) {
			StoredFile file = storage.store("BADINPUT", 1, name, new ByteArrayInputStream(pdf()), -1, Set.of(FileKind.PDF));
			String kept = file.originalName();
			assertThat(kept).as(name).doesNotContain("/", "\\", "\u0000", "\r", "\n", "\t", "\u202E").doesNotStartWith(".")
				.endsWith(".pdf");
			String key = jdbc.sql("select storage_key from stored_file where id = :id").param("id", file.id())
				.query(String.class).single();
			assertThat(storageRoot.resolve(key).normalize()).startsWith(storageRoot);
			assertThat(Files.isRegularFile(storageRoot.resolve(key))).isTrue();
		}
		Set<Path> outsideAfter = filesUnder(outside).stream().filter(p -> !p.startsWith(storageRoot))
			.collect(Collectors.toSet());
		assertThat(outsideAfter).isEqualTo(outsideBefore);
		assertThat(Path.of("/etc/passwd.pdf")).doesNotExist();
	}

	@Test
	void aNameThatIsNothingButDirectoriesIsRefusedAndNothingIsWritten() throws IOException {
		Path storageRoot = Path.of(root).toAbsolutePath().normalize();
		Set<Path> before = filesUnder(storageRoot);
		Map<String, Long> rows = rows();
		for (String name : List.of("../../", "..\\..\\", "\u0000", "../../etc/passwd")) {
			assertThatThrownBy(() -> storage.store("BADINPUT", 1, name, new ByteArrayInputStream(pdf()), -1,
					Set.of(FileKind.PDF))).as(name).isInstanceOf(InvalidValueException.class);
		}
		assertThat(filesUnder(storageRoot)).isEqualTo(before);
		assertThat(rows()).isEqualTo(rows);
	}

	@Test
	void theImportEndpointIgnoresTheNameOfTheUpload() throws Exception {
		Map<String, Long> rows = rows();
		for (String name : List.of("../../etc/passwd.xlsx", "..\\..\\x.xlsx", "a\u0000.xlsx", "\r\n.xlsx")) {
			// not a workbook, whatever the name says: 415 and nothing written
			MvcResult refused = mvc.perform(multipart("/api/v1/members/import")
				.file(new MockMultipartFile("file", name, "application/vnd.ms-excel", "root:x:0:0".getBytes()))
				.header("Authorization", bearer("admin"))).andReturn();
			assertChineseProblem(refused, 415);
		}
		assertThat(rows()).isEqualTo(rows);
		assertThat(Path.of("/etc/passwd.xlsx")).doesNotExist();

		// a real workbook under a hostile name is imported; the name is only text in the audit log
		Map<String, Object> p = newPerson(orgId("市财政局"));
		MvcResult imported = mvc.perform(multipart("/api/v1/members/import")
			.file(new MockMultipartFile("file", "../../\u0000evil.xlsx", null, workbook(p)))
			.header("Authorization", bearer("admin"))).andReturn();
		assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from person where id_number = :n").param("n", p.get("idNumber"))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(Path.of("/evil.xlsx")).doesNotExist();
	}

	static byte[] workbook(Map<String, Object> p) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("人员");
			List<String> headers = List.of("姓名", "身份证号", "手机号", "所属单位");
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue((String) p.get("name"));
			row.createCell(1).setCellValue((String) p.get("idNumber"));
			row.createCell(2).setCellValue((String) p.get("mobile"));
			row.createCell(3).setCellValue("市财政局");
			workbook.write(bytes);
		}
		return bytes.toByteArray();
	}
}
