package org.quntuan.platform.files;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * Where the bytes of stored files live, under keys the server makes ({@code ab/cd/abcd…}): a local
 * (possibly shared) directory or an S3-compatible bucket, chosen by {@code quntuan.files.store}.
 * {@link FileStorage} receives and checks every upload the same way whatever the store, then hands
 * over the finished file; the metadata stays in the database.
 */
interface BlobStore {

	Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}");

	static String newKey() {
		String hex = UUID.randomUUID().toString().replace("-", "");
		return hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex;
	}

	/** A key read back from the database is still checked before it reaches the store. */
	static String checked(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalStateException("invalid storage key");
		}
		return key;
	}

	/** A new empty file to receive an upload into; the caller deletes it when done. */
	Path receivingFile();

	/** Keeps the received file under the key (moving or copying it; the caller still deletes its path). */
	void put(String key, Path received);

	/** The bytes under the key, streamed when read, or empty if the store has no such key. */
	Optional<Resource> open(String key);

	/** Removes the bytes under the key; never fails (a leftover is harmless: nothing refers to it). */
	void deleteQuietly(String key);
}
