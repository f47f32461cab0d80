package org.quntuan.platform.files;

import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class FileStorageResponsesTest {

	@Test
	void aDownloadIsAnAttachmentWithTheUtf8NameTheRightTypeAndNoSniffing() {
		StoredFile file = new StoredFile(1, "TEST", 1, "会员名册 2026.xlsx", FileKind.XLSX, 3, "00", null,
				OffsetDateTime.now(TestClock.CLOCK));
		ResponseEntity<Resource> response = FileResponses.attachment(new Download(file, new ByteArrayResource(new byte[3])));

		HttpHeaders headers = response.getHeaders();
		// with an ASCII fallback name for old clients
		assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; ")
			.endsWith("filename*=UTF-8''%E4%BC%9A%E5%91%98%E5%90%8D%E5%86%8C%202026.xlsx");
		assertThat(headers.getContentType()).isEqualTo(MediaType.parseMediaType(FileKind.XLSX.contentType()));
		assertThat(headers.getContentLength()).isEqualTo(3);
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
	}
}
