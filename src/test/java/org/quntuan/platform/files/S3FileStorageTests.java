package org.quntuan.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.transaction.support.TransactionTemplate;

import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The file store in an S3-compatible bucket: S3Proxy, in this JVM on a free port with an in-memory
 * store, speaks the S3 API the way MinIO, OSS and OBS do; the application's own SDK client talks to
 * it over HTTP with signed requests. Every check of an upload holds as with the local directory, and
 * a refused or rolled-back upload leaves no object and no temporary file.
 */
class S3FileStorageTests extends IntegrationTest {

	static final String BUCKET = "quntuan-files";

	static final String ACCESS_KEY = "quntuan-test";

	static final String SECRET_KEY = "quntuan-test-secret";

	static TransientNio2BlobStore objects;

	static S3Proxy server;

	@Autowired
	FileStorageSettings settings;

	@Autowired
	ObjectProvider<CurrentUserProvider> users;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate tx;

	@TempDir
	Path receivedOnNodeA;

	@TempDir
	Path receivedOnNodeB;

	S3Bucket bucketA;

	S3Bucket bucketB;

	FileStorage nodeA;

	FileStorage nodeB;

	@BeforeAll
	static void startServer() throws Exception {
		objects = new TransientNio2BlobStore();
		objects.createContainer(BUCKET);
		server = S3Proxy.builder()
			.blobStore(objects)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		server.start();
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.stop();
		objects.close();
	}

	static FileStorageSettings.S3 bucketSettings(String secretKey) {
		return new FileStorageSettings.S3(URI.create("http://127.0.0.1:" + server.getPort()), "us-east-1", BUCKET,
				ACCESS_KEY, secretKey, true);
	}

	/** Two application nodes, each with its own client and temporary directory, sharing one bucket. */
	@BeforeEach
	void twoNodes() {
		bucketA = S3Bucket.connect(bucketSettings(SECRET_KEY), receivedOnNodeA);
		bucketB = S3Bucket.connect(bucketSettings(SECRET_KEY), receivedOnNodeB);
		nodeA = new FileStorage(jdbc, settings, bucketA, users, clock);
		nodeB = new FileStorage(jdbc, settings, bucketB, users, clock);
	}

	@AfterEach
	void closeClients() {
		bucketA.close();
		bucketB.close();
	}

	static List<String> objectKeys() {
		return objects.list(BUCKET).contents().stream().map(S3Object::key).sorted().toList();
	}

	static long filesIn(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	String keyOf(StoredFile file) {
		return jdbc.sql("select storage_key from stored_file where id = :id").param("id", file.id())
			.query(String.class).single();
	}

	long rows() {
		return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
	}

	StoredFile store(FileStorage node, String name, byte[] content, Set<FileKind> allowed) {
		return node.store("TEST", 43, name, new ByteArrayInputStream(content), content.length, allowed);
	}

	static byte[] read(Download download) throws IOException {
		try (InputStream in = download.openStream()) {
			return in.readAllBytes();
		}
	}

	@Test
	void aStoredFileIsAnObjectInTheBucketAndReadsBackTheSame() throws Exception {
		Path localRoot = settings.root().toAbsolutePath().normalize();
		long localBefore = Files.exists(localRoot) ? filesIn(localRoot) : 0;
		byte[] content = FileStorageTests.pdf("2026 年工会工作要点（对象存储）");

		StoredFile stored = store(nodeA, "2026年工会工作要点.pdf", content, Set.of(FileKind.PDF));

		String key = keyOf(stored);
		assertThat(key).matches("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}");
		assertThat(objectKeys()).contains(key);
		assertThat(objects.getBlob(BUCKET, key).readAllBytes()).isEqualTo(content);
		Download download = nodeA.open(stored.id());
		assertThat(download.file()).isEqualTo(stored);
		assertThat(download.content().contentLength()).isEqualTo(content.length);
		assertThat(read(download)).isEqualTo(content);
		// the stream can be opened again (a retry, a second zip): one request per read
		assertThat(read(download)).isEqualTo(content);
		// received in the node's temporary directory, which is empty again; the local root is untouched
		assertThat(filesIn(receivedOnNodeA)).isZero();
		assertThat(Files.exists(localRoot) ? filesIn(localRoot) : 0).isEqualTo(localBefore);
	}

	@Test
	void aFileStoredByOneNodeIsOpenedByAnother() throws Exception {
		byte[] workbook = FileStorageTests.zip("[Content_Types].xml", "xl/workbook.xml");
		StoredFile stored = store(nodeA, "会员名册.xlsx", workbook, Set.of(FileKind.XLSX));

		Download onB = nodeB.open(stored.id());
		assertThat(onB.file().sha256()).isEqualTo(stored.sha256());
		assertThat(read(onB)).isEqualTo(workbook);
		assertThat(onB.contentType()).isEqualTo(FileKind.XLSX.contentType());
	}

	@Test
	void refusedUploadsLeaveNoObjectNoRowAndNoTemporaryFile() throws Exception {
		List<String> before = objectKeys();
		long rowsBefore = rows();
		long limit = settings.maxSize().toBytes();
		InputStream tooLong = new InputStream() {
			long sent;

			@Override
			public int read() {
				return sent < limit + 1 ? (sent++ < 5 ? "%PDF-".charAt((int) sent - 1) : 'x') : -1;
			}
		};
		byte[] png = new byte[64];
		System.arraycopy(FileStorageTests.PNG_HEAD, 0, png, 0, FileStorageTests.PNG_HEAD.length);

		assertThatThrownBy(() -> nodeA.store("TEST", 43, "大文件.pdf", tooLong, 100, Set.of(FileKind.PDF)))
			.isInstanceOf(InvalidValueException.class).hasMessage("文件大小超过 10 MB");
		assertThatThrownBy(() -> store(nodeA, "报告.pdf", png, Set.of(FileKind.PDF, FileKind.PNG)))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("文件内容与扩展名不符");
		assertThatThrownBy(() -> store(nodeA, "空.pdf", new byte[0], Set.of(FileKind.PDF)))
			.isInstanceOf(InvalidValueException.class).hasMessage("文件内容为空");
		assertThatThrownBy(() -> store(nodeA, "会员名册.xlsx", FileStorageTests.zip("[Content_Types].xml",
				"word/document.xml"), Set.of(FileKind.XLSX)))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("不是有效的Excel 工作簿");
		assertThatThrownBy(() -> store(nodeA, "setup.exe", FileStorageTests.pdf("x"), Set.of(FileKind.PDF)))
			.isInstanceOf(InvalidValueException.class).hasMessage("文件类型不受支持，仅接受 .pdf 文件");

		assertThat(objectKeys()).isEqualTo(before);
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(filesIn(receivedOnNodeA)).isZero();
	}

	@Test
	void aRolledBackUploadRemovesItsObject() throws Exception {
		List<String> before = objectKeys();
		long rowsBefore = rows();
		String[] key = new String[1];
		tx.executeWithoutResult(status -> {
			StoredFile stored = store(nodeA, "撤回.pdf", FileStorageTests.pdf("x"), Set.of(FileKind.PDF));
			key[0] = keyOf(stored);
			// the object was put before the row: it is there until the rollback
			assertThat(objectKeys()).contains(key[0]);
			status.setRollbackOnly();
		});
		assertThat(objectKeys()).isEqualTo(before).doesNotContain(key[0]);
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(filesIn(receivedOnNodeA)).isZero();
	}

	@Test
	void anObjectMissingFromTheBucketIsAnErrorNotAnEmptyDownload() {
		StoredFile stored = store(nodeA, "通知.pdf", FileStorageTests.pdf("x"), Set.of(FileKind.PDF));
		objects.removeBlob(BUCKET, keyOf(stored));

		assertThatThrownBy(() -> nodeB.open(stored.id())).isInstanceOf(IllegalStateException.class)
			.hasMessage("stored file " + stored.id() + " is missing from the bucket " + BUCKET + " at http://127.0.0.1:"
					+ server.getPort());
	}

	@Test
	void aWrongSecretKeyIsRefusedByTheStoreAndKeepsNothing() throws Exception {
		List<String> before = objectKeys();
		long rowsBefore = rows();
		try (S3Bucket wrong = S3Bucket.connect(bucketSettings("not-the-secret"), receivedOnNodeA)) {
			FileStorage node = new FileStorage(jdbc, settings, wrong, users, clock);
			assertThatThrownBy(() -> store(node, "通知.pdf", FileStorageTests.pdf("x"), Set.of(FileKind.PDF)))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("could not store an uploaded file");
		}
		assertThat(objectKeys()).isEqualTo(before);
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(filesIn(receivedOnNodeA)).isZero();
	}

	@Test
	void thePropertyChoosesTheStoreAndS3SettingsAreCheckedAtStartup() {
		ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(FileStorageConfig.class);
		context.run(local -> assertThat(local.getBean(BlobStore.class)).isInstanceOf(LocalDirectory.class));
		context.withPropertyValues("quntuan.files.store=s3", "quntuan.files.s3.endpoint=http://127.0.0.1:9000",
				"quntuan.files.s3.bucket=" + BUCKET, "quntuan.files.s3.access-key=a", "quntuan.files.s3.secret-key=b")
			.run(s3 -> assertThat(s3.getBean(BlobStore.class)).isInstanceOf(S3Bucket.class)
				.hasToString("bucket " + BUCKET + " at http://127.0.0.1:9000"));
		context.withPropertyValues("quntuan.files.store=s3", "quntuan.files.s3.endpoint=minio:9000",
				"quntuan.files.s3.bucket=" + BUCKET, "quntuan.files.s3.region= ")
			.run(incomplete -> assertThat(incomplete).getFailure().rootCause()
				.hasMessage("quntuan.files.store=s3, but quntuan.files.s3.endpoint (QUNTUAN_FILES_S3_ENDPOINT) must be"
						+ " an http(s) address, not minio:9000; quntuan.files.s3.region (QUNTUAN_FILES_S3_REGION) is"
						+ " missing; quntuan.files.s3.access-key (QUNTUAN_FILES_S3_ACCESS_KEY) is missing;"
						+ " quntuan.files.s3.secret-key (QUNTUAN_FILES_S3_SECRET_KEY) is missing"));
	}

	@Test
	void anObjectAnnouncesItsLengthWithoutBeingReadAndIsServedAsADownload() throws Exception {
		byte[] content = FileStorageTests.pdf("长度");
		StoredFile stored = store(nodeA, "长度.pdf", content, Set.of(FileKind.PDF));
		Resource resource = bucketB.open(keyOf(stored)).orElseThrow();
		assertThat(resource.exists()).isTrue();
		assertThat(resource.contentLength()).isEqualTo(content.length);
		assertThat(new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("长度");
		assertThat(bucketB.open(BlobStore.newKey())).isEmpty();

		// served as a download: the length from the store, the bytes streamed from it
		ResponseEntity<Resource> response = FileResponses.attachment(nodeB.open(stored.id()));
		MockHttpOutputMessage served = new MockHttpOutputMessage();
		new ResourceHttpMessageConverter().write(response.getBody(), null, served);
		assertThat(served.getHeaders().getContentLength()).isEqualTo(content.length);
		assertThat(served.getBodyAsBytes()).isEqualTo(content);
	}
}
