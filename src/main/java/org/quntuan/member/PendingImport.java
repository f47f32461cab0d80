package org.quntuan.member;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;

/**
 * An uploaded file between its check and the admin's confirmation, kept in the HTTP session: the
 * bytes stay on the server, the page only knows a random token. The file is deleted when this leaves
 * the session: on confirmation, a new upload, cancelling, or the end of the session.
 */
final class PendingImport implements HttpSessionBindingListener, Serializable {

	static final String SESSION_KEY = PendingImport.class.getName();

	private final String token;

	private final String file;

	private final String fileName;

	private volatile ImportPreview preview;

	PendingImport(String token, Path file, String fileName, ImportPreview preview) {
		this.token = token;
		this.file = file.toString();
		this.fileName = fileName;
		this.preview = preview;
	}

	String token() {
		return token;
	}

	Path file() {
		return Path.of(file);
	}

	String fileName() {
		return fileName;
	}

	ImportPreview preview() {
		return preview;
	}

	void preview(ImportPreview preview) {
		this.preview = preview;
	}

	@Override
	public void valueUnbound(HttpSessionBindingEvent event) {
		try {
			Files.deleteIfExists(file());
		}
		catch (IOException ex) {
			// a leftover is removed on the next start
		}
	}
}
