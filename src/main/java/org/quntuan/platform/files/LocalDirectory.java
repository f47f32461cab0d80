package org.quntuan.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The local store, the default: files under server-generated names, sharded as {@code ab/cd/abcd…}
 * so that no directory grows too large. Several nodes may share it as a mount. Uploads are received in
 * {@code .incoming/} under the same root, so that keeping one is a rename on the same file system. A
 * key is checked twice before it touches the disk: its shape, and that it resolves inside the root.
 */
final class LocalDirectory implements BlobStore {

	static final String INCOMING = ".incoming";

	private final Path root;

	LocalDirectory(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	Path root() {
		return root;
	}

	Path resolve(String key) {
		Path path = root.resolve(BlobStore.checked(key)).normalize();
		if (!path.startsWith(root) || path.equals(root)) {
			throw new IllegalStateException("storage key outside the file root");
		}
		return path;
	}

	@Override
	public Path receivingFile() {
		try {
			Path incoming = Files.createDirectories(root.resolve(INCOMING));
			return Files.createTempFile(incoming, "upload-", ".part");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not receive an upload in " + root, ex);
		}
	}

	@Override
	public void put(String key, Path received) {
		Path target = resolve(key);
		try {
			Files.createDirectories(target.getParent());
			try {
				Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(received, target);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not store an uploaded file", ex);
		}
	}

	@Override
	public Optional<Resource> open(String key) {
		Path path = resolve(key);
		return Files.isRegularFile(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
	}

	@Override
	public void deleteQuietly(String key) {
		deleteQuietly(resolve(key));
	}

	static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// a leftover partial file is harmless: nothing refers to it
		}
	}

	@Override
	public String toString() {
		return "directory " + root;
	}
}
