package org.quntuan.platform.files;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.Resource;

/** A stored file ready to be streamed: its metadata and its bytes. */
public record Download(StoredFile file, Resource content) {

	public String contentType() {
		return file.kind().contentType();
	}

	public InputStream openStream() throws IOException {
		return content.getInputStream();
	}
}
