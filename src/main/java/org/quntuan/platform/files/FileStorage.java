package org.quntuan.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way modules keep uploaded files: the bytes in a {@link BlobStore} (a local directory,
 * {@code quntuan.files.root}, or an S3-compatible bucket: {@code quntuan.files.store}) plus a row of
 * metadata per file. A file is accepted only if its extension and its first bytes both name
 * one of the kinds the caller allows, and only up to {@code quntuan.files.max-size}, counted while
 * it streams in. The bytes are stored under a random server-generated name; the uploader's name is
 * sanitised and kept as metadata only.
 * <p>
 * <strong>Authorisation is the owning module's job.</strong> This facade knows nothing of who may
 * see a file: before calling {@link #open(long)}, {@link #find(long)} or {@link #ofOwner(String, long)}
 * for a caller, check that the caller may see the owner record ({@code ownerType}, {@code ownerId}),
 * and check that the file really belongs to that owner. Never serve a file by its id alone.
 */
@Service
public class FileStorage {

	private final JdbcClient jdbc;

	private final FileStorageSettings settings;

	private final BlobStore blobs;

	private final ObjectProvider<CurrentUserProvider> users;

	private final Clock clock;

	FileStorage(JdbcClient jdbc, FileStorageSettings settings, BlobStore blobs,
			ObjectProvider<CurrentUserProvider> users, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.blobs = blobs;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Stores a file for an owner record. If called inside a transaction that later rolls back, the
	 * bytes are removed again.
	 *
	 * @param ownerType the owning record's type, e.g. {@code "ACTIVITY"} (at most 40 characters)
	 * @param declaredSize the size the client announced, or -1; the real size is counted regardless
	 * @param allowed the kinds this upload may be
	 * @throws InvalidValueException with a message for the user: unsupported type, too large, empty, or
	 * content that is not what its extension says
	 */
	public StoredFile store(String ownerType, long ownerId, String originalName, InputStream content,
			long declaredSize, Set<FileKind> allowed) {
		if (ownerType == null || ownerType.isBlank() || ownerType.length() > 40) {
			throw new IllegalArgumentException("ownerType must be 1 to 40 characters");
		}
		if (allowed == null || allowed.isEmpty()) {
			throw new IllegalArgumentException("no file kind allowed");
		}
		String name = FileNames.sanitize(originalName);
		FileKind kind = FileKind.byExtension(name).filter(allowed::contains).orElseThrow(() -> unsupported(allowed));
		if (declaredSize > settings.maxSize().toBytes()) {
			throw tooLarge();
		}
		Path incoming = blobs.receivingFile();
		String key = null;
		try {
			Received upload = receive(content, incoming);
			checkContent(kind, upload, incoming);
			key = BlobStore.newKey();
			blobs.put(key, incoming);
			StoredFile file = insert(ownerType, ownerId, name, kind, upload, key);
			removeOnRollback(key);
			return file;
		}
		catch (RuntimeException ex) {
			if (key != null) {
				blobs.deleteQuietly(key);
			}
			throw ex;
		}
		finally {
			LocalDirectory.deleteQuietly(incoming);
		}
	}

	/**
	 * The file and its bytes. <strong>Check the caller's access to the file's owner first</strong>
	 * (see the class comment).
	 *
	 * @throws NotFoundException if there is no such file
	 */
	public Download open(long fileId) {
		StoredFile file = find(fileId).orElseThrow(NotFoundException::new);
		String key = jdbc.sql("select storage_key from stored_file where id = :id").param("id", fileId)
			.query(String.class).single();
		Resource content = blobs.open(key)
			.orElseThrow(() -> new IllegalStateException("stored file " + fileId + " is missing from the " + blobs));
		return new Download(file, content);
	}

	public Optional<StoredFile> find(long id) {
		return jdbc.sql("select * from stored_file where id = :id").param("id", id).query(FileStorage::map).optional();
	}

	/** How many files an owner holds (for a cap on uploads per owner). */
	public long countOfOwner(String ownerType, long ownerId) {
		return jdbc.sql("select count(*) from stored_file where owner_type = :t and owner_id = :o")
			.param("t", ownerType).param("o", ownerId).query(Long.class).single();
	}

	public List<StoredFile> ofOwner(String ownerType, long ownerId) {
		return jdbc.sql("select * from stored_file where owner_type = :t and owner_id = :o order by id")
			.param("t", ownerType).param("o", ownerId).query(FileStorage::map).list();
	}

	/**
	 * Deletes one file: its row now, its bytes once the transaction commits (a rollback keeps both).
	 * <strong>Check the caller's access to the file's owner first</strong>.
	 */
	public void delete(long fileId) {
		String key = jdbc.sql("select storage_key from stored_file where id = :id").param("id", fileId)
			.query(String.class).optional().orElse(null);
		if (key == null) {
			return;
		}
		jdbc.sql("delete from stored_file where id = :id").param("id", fileId).update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					blobs.deleteQuietly(key);
				}
			});
		}
		else {
			blobs.deleteQuietly(key);
		}
	}

	private record Received(long size, String sha256, byte[] head, int headLength) {
	}

	private Received receive(InputStream content, Path target) {
		long max = settings.maxSize().toBytes();
		MessageDigest digest = sha256();
		byte[] head = new byte[FileKind.SIGNATURE_LENGTH];
		int headLength = 0;
		long total = 0;
		try {
			try (InputStream in = content;
					OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING,
							StandardOpenOption.WRITE)) {
				byte[] buffer = new byte[8192];
				int n;
				while ((n = in.read(buffer)) != -1) {
					total += n;
					if (total > max) {
						throw tooLarge();
					}
					if (headLength < head.length) {
						int copy = Math.min(n, head.length - headLength);
						System.arraycopy(buffer, 0, head, headLength, copy);
						headLength += copy;
					}
					digest.update(buffer, 0, n);
					out.write(buffer, 0, n);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not store an uploaded file", ex);
		}
		return new Received(total, HexFormat.of().formatHex(digest.digest()), head, headLength);
	}

	private static void checkContent(FileKind kind, Received received, Path stored) {
		if (received.size() == 0) {
			throw new InvalidValueException("file", "platform.file.empty");
		}
		boolean matches = kind.startsWithSignature(received.head(), received.headLength());
		if (matches && kind.requiredZipEntry() != null) {
			// only the central directory is read: nothing is decompressed
			try (ZipFile zip = new ZipFile(stored.toFile())) {
				matches = zip.getEntry(kind.requiredZipEntry()) != null;
			}
			catch (IOException notAZip) {
				matches = false;
			}
		}
		if (!matches) {
			throw new InvalidValueException("file",
					Text.of("platform.file.content-mismatch", kind));
		}
	}

	private StoredFile insert(String ownerType, long ownerId, String name, FileKind kind, Received received,
			String key) {
		CurrentUserProvider provider = users.getIfAvailable();
		Long createdBy = provider == null ? null
				: provider.currentIfAny().map(CurrentUser::accountId).orElse(null);
		// as the database keeps it, so that the returned record equals a later find()
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into stored_file (owner_type, owner_id, original_name, kind, size_bytes, sha256, storage_key,
				  created_by, created_at)
				values (:type, :owner, :name, :kind, :size, :sha, :key, :by, :now)""")
			.param("type", ownerType).param("owner", ownerId).param("name", name).param("kind", kind.name())
			.param("size", received.size()).param("sha", received.sha256()).param("key", key)
			.param("by", createdBy, Types.BIGINT).param("now", now)
			.update(keys, "id");
		return new StoredFile(keys.getKey().longValue(), ownerType, ownerId, name, kind, received.size(),
				received.sha256(), createdBy, now);
	}

	private void removeOnRollback(String key) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						blobs.deleteQuietly(key);
					}
				}
			});
		}
	}

	private InvalidValueException tooLarge() {
		return new InvalidValueException("file", Text.of("platform.file.too-large", settings.maxSizeText()));
	}

	private static InvalidValueException unsupported(Set<FileKind> allowed) {
		String accepted = Arrays.stream(FileKind.values()).filter(allowed::contains)
			.flatMap(k -> k.extensions().stream()).map(e -> "." + e).collect(Collectors.joining("、"));
		return new InvalidValueException("file", Text.of("platform.file.unsupported", accepted));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static StoredFile map(ResultSet rs, int i) throws SQLException {
		return new StoredFile(rs.getLong("id"), rs.getString("owner_type"), rs.getLong("owner_id"),
				rs.getString("original_name"), FileKind.valueOf(rs.getString("kind")), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getObject("created_by", Long.class),
				rs.getObject("created_at", OffsetDateTime.class));
	}
}
