package org.quntuan.platform.files;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Serves a stored file as a download that browsers neither render inline nor sniff. */
public final class FileResponses {

	private FileResponses() {
	}

	/**
	 * A download response: {@code Content-Disposition: attachment; filename*=UTF-8''…} with the
	 * original (sanitised) name, the kind's content type, the length and {@code nosniff}.
	 * Check the caller's access to the file's owner before building one.
	 */
	public static ResponseEntity<Resource> attachment(Download download) {
		StoredFile file = download.file();
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename(file.originalName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.contentLength(file.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(download.content());
	}
}
