package org.quntuan.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.mock.web.MockMultipartFile;

/** Small valid files and unique titles for the notice and collection tests. */
public final class NoticeFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private NoticeFixtures() {
	}

	public static String unique(String prefix) {
		return prefix + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
	}

	public static MockMultipartFile pdf(String param, String name) {
		return new MockMultipartFile(param, name, "application/pdf",
				"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
	}

	public static MockMultipartFile docx(String param, String name) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return new MockMultipartFile(param, name,
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", out.toByteArray());
	}

	public static MockMultipartFile text(String param, String name) {
		return new MockMultipartFile(param, name, "text/plain", "just text".getBytes(StandardCharsets.UTF_8));
	}
}
