package org.quntuan.learning.materials;

import java.nio.charset.StandardCharsets;

import org.quntuan.platform.files.Download;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A material's file shown in the page (a PDF read by pdf.js, a video played by the browser). The body is
 * the file as a {@link Resource}: Spring MVC answers a {@code Range} request with 206 and only the bytes
 * asked for, so a phone can seek in a video without loading all of it.
 */
final class MaterialFiles {

	private MaterialFiles() {
	}

	static ResponseEntity<Resource> inline(Download download) {
		ContentDisposition disposition = ContentDisposition.inline()
			.filename(download.file().originalName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(download.content());
	}
}
