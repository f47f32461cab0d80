package org.quntuan.member;

import java.io.Serializable;

/**
 * What the import page shows between a file's check and the admin's confirmation, kept in the HTTP
 * session: the preview and the random token of the file, which itself waits in the database
 * ({@link PendingImports}) so that the confirmation may reach any node. Serializable, as sessions may
 * live in the database too ({@code quntuan.sessions.store=jdbc}).
 */
final class PendingImport implements Serializable {

	static final String SESSION_KEY = PendingImport.class.getName();

	private final String token;

	private final String fileName;

	private final ImportPreview preview;

	PendingImport(String token, String fileName, ImportPreview preview) {
		this.token = token;
		this.fileName = fileName;
		this.preview = preview;
	}

	String token() {
		return token;
	}

	String fileName() {
		return fileName;
	}

	ImportPreview preview() {
		return preview;
	}
}
