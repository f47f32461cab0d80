package org.quntuan.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class FileStorageTests extends IntegrationTest {

	static final byte[] PNG_HEAD = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	@Autowired
	FileStorage storage;

	@Autowired
	FileStorageSettings settings;

	@Autowired
	TransactionTemplate tx;

	static byte[] pdf(String text) {
		return ("%PDF-1.7\n" + text + "\n%%EOF").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] zip(String... entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<xml/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	StoredFile store(String name, byte[] content, Set<FileKind> allowed) {
		return storage.store("TEST", 42, name, new ByteArrayInputStream(content), content.length, allowed);
	}

	long filesOnDisk() throws IOException {
		Path root = settings.root().toAbsolutePath().normalize();
		if (!Files.exists(root)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	long rows() {
		return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
	}

	@Test
	void aStoredFileReadsBackWithItsNameKindSizeAndSha256() throws Exception {
		byte[] content = pdf("2026 年工会工作要点");
		StoredFile stored = store("2026年工会工作要点.pdf", content, Set.of(FileKind.PDF, FileKind.DOCX));

		assertThat(stored.originalName()).isEqualTo("2026年工会工作要点.pdf");
		assertThat(stored.kind()).isEqualTo(FileKind.PDF);
		assertThat(stored.sizeBytes()).isEqualTo(content.length);
		assertThat(stored.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
		assertThat(storage.find(stored.id())).contains(stored);
		assertThat(storage.ofOwner("TEST", 42)).contains(stored);

		Download download = storage.open(stored.id());
		try (InputStream in = download.openStream()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(download.contentType()).isEqualTo("application/pdf");
		// stored under a generated name inside the root, not under the uploader's name
		Path path = download.content().getFile().toPath();
		assertThat(path.startsWith(settings.root().toAbsolutePath().normalize())).isTrue();
		assertThat(path.getFileName().toString()).matches("[0-9a-f]{32}");
	}

	@Test
	void aFileOverTheLimitIsRefusedWhileStreamingAndLeavesNothingBehind() throws Exception {
		long before = filesOnDisk();
		long rowsBefore = rows();
		long limit = settings.maxSize().toBytes();
		// the client claims a small size but sends one byte more than allowed
		InputStream tooLong = new InputStream() {
			long sent;

			@Override
			public int read() {
				return sent < limit + 1 ? (sent++ < 5 ? "%PDF-".charAt((int) sent - 1) : 'x') : -1;
			}
		};
		assertThatThrownBy(() -> storage.store("TEST", 42, "大文件.pdf", tooLong, 100, Set.of(FileKind.PDF)))
			.isInstanceOf(InvalidValueException.class).hasMessage("文件大小超过 10 MB");
		assertThat(filesOnDisk()).isEqualTo(before);
		assertThat(rows()).isEqualTo(rowsBefore);
	}

	@Test
	void aDeclaredSizeOverTheLimitIsRefusedBeforeReading() {
		InputStream untouchable = new InputStream() {
			@Override
			public int read() {
				throw new AssertionError("must not be read");
			}
		};
		assertThatThrownBy(() -> storage.store("TEST", 42, "a.pdf", untouchable, settings.maxSize().toBytes() + 1,
				Set.of(FileKind.PDF)))
			.isInstanceOf(InvalidValueException.class).hasMessage("文件大小超过 10 MB");
	}

	@Test
	void aPdfWhoseBytesAreAPngIsRefused() throws Exception {
		long before = filesOnDisk();
		byte[] png = new byte[64];
		System.arraycopy(PNG_HEAD, 0, png, 0, PNG_HEAD.length);
		assertThatThrownBy(() -> store("报告.pdf", png, Set.of(FileKind.PDF, FileKind.PNG)))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("文件内容与扩展名不符");
		assertThat(filesOnDisk()).isEqualTo(before);
		// the same bytes under their true name are fine
		assertThat(store("报告.png", png, Set.of(FileKind.PDF, FileKind.PNG)).kind()).isEqualTo(FileKind.PNG);
	}

	@Test
	void anExtensionOutsideTheAllowedKindsIsRefused() {
		assertThatThrownBy(() -> store("setup.exe", pdf("x"), Set.of(FileKind.PDF)))
			.isInstanceOf(InvalidValueException.class).hasMessage("文件类型不受支持，仅接受 .pdf 文件");
		assertThatThrownBy(() -> store("照片.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 },
				Set.of(FileKind.PDF, FileKind.PNG)))
			.isInstanceOf(InvalidValueException.class).hasMessage("文件类型不受支持，仅接受 .pdf、.png 文件");
		assertThatThrownBy(() -> store("空.pdf", new byte[0], Set.of(FileKind.PDF)))
			.isInstanceOf(InvalidValueException.class).hasMessage("文件内容为空");
	}

	@Test
	void officeFilesMustBeTheRightKindOfPackage() throws Exception {
		byte[] workbook = zip("[Content_Types].xml", "xl/workbook.xml");
		byte[] document = zip("[Content_Types].xml", "word/document.xml");
		assertThat(store("会员名册.xlsx", workbook, Set.of(FileKind.XLSX)).kind()).isEqualTo(FileKind.XLSX);
		assertThat(store("工作总结.docx", document, Set.of(FileKind.DOCX)).kind()).isEqualTo(FileKind.DOCX);
		assertThatThrownBy(() -> store("会员名册.xlsx", document, Set.of(FileKind.XLSX)))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("不是有效的Excel 工作簿");
		byte[] brokenZip = { 'P', 'K', 3, 4, 1, 2, 3 };
		assertThatThrownBy(() -> store("会员名册.xlsx", brokenZip, Set.of(FileKind.XLSX)))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void pathComponentsInTheNameAreDroppedAndTheFileStaysInsideTheRoot() throws Exception {
		StoredFile stored = store("../../../etc/通知.pdf", pdf("x"), Set.of(FileKind.PDF));
		assertThat(stored.originalName()).isEqualTo("通知.pdf");
		assertThat(storage.open(stored.id()).content().getFile().toPath()
			.startsWith(settings.root().toAbsolutePath().normalize())).isTrue();
		assertThat(store("..\\..\\Windows\\报名表.pdf", pdf("x"), Set.of(FileKind.PDF)).originalName())
			.isEqualTo("报名表.pdf");
	}

	@Test
	void namesLoseControlAndDirectionCharactersButKeepChinese() {
		assertThat(FileNames.sanitize("报名\u0000表\r\n.pdf")).isEqualTo("报名表.pdf");
		// U+202E would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
		assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
		assertThat(FileNames.sanitize("a:b*c?.pdf")).isEqualTo("a_b_c_.pdf");
		assertThat(FileNames.sanitize("..")).isEqualTo(FileNames.UNNAMED);
		assertThat(FileNames.sanitize("/")).isEqualTo(FileNames.UNNAMED);
		assertThat(FileNames.sanitize("职".repeat(300) + ".pdf")).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
	}

	@Test
	void storageKeysCannotLeaveTheRoot() {
		LocalDirectory directory = new LocalDirectory(settings.root());
		assertThatThrownBy(() -> directory.resolve("../../etc/passwd")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> directory.resolve("ab/cd/../../../x")).isInstanceOf(IllegalStateException.class);
		assertThat(directory.resolve(BlobStore.newKey()).startsWith(directory.root())).isTrue();
	}

	@Test
	void aRolledBackUploadLeavesNoFile() throws Exception {
		long before = filesOnDisk();
		long rowsBefore = rows();
		tx.executeWithoutResult(status -> {
			store("撤回.pdf", pdf("x"), Set.of(FileKind.PDF));
			status.setRollbackOnly();
		});
		assertThat(filesOnDisk()).isEqualTo(before);
		assertThat(rows()).isEqualTo(rowsBefore);
	}

	@Test
	void anUnknownFileIsNotFound() {
		assertThatThrownBy(() -> storage.open(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
	}
}
