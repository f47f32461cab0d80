package org.quntuan.platform.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The local store: files under server-generated names, sharded as {@code ab/cd/abcd…} so that no
 * directory grows too large. A key is checked twice before it touches the disk: its shape, and that
 * it resolves inside the root.
 */
final class LocalDirectory {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}");

	private final Path root;

	LocalDirectory(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	Path root() {
		return root;
	}

	String newKey() {
		String hex = UUID.randomUUID().toString().replace("-", "");
		return hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex;
	}

	Path resolve(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalStateException("invalid storage key");
		}
		Path path = root.resolve(key).normalize();
		if (!path.startsWith(root) || path.equals(root)) {
			throw new IllegalStateException("storage key outside the file root");
		}
		return path;
	}

	static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// a leftover partial file is harmless: nothing refers to it
		}
	}
}
