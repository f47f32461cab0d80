package org.quntuan.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The store in an S3-compatible bucket ({@code quntuan.files.store=s3}): MinIO, 阿里云 OSS, 华为 OBS or
 * AWS itself, shared by every node. An upload is received and checked in a local temporary file first
 * (the checks read it twice), then put as one object under its key. Objects are read back as streams,
 * one request per read, so a zip of many files holds one connection at a time.
 */
final class S3Bucket implements BlobStore, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3Bucket.class);

	private final S3Client client;

	private final String bucket;

	private final Path temporary;

	private final String description;

	S3Bucket(S3Client client, String bucket, Path temporary, String description) {
		this.client = client;
		this.bucket = bucket;
		this.temporary = temporary;
		this.description = description;
	}

	/**
	 * A client for the bucket; the settings are checked first (again, when they come from the
	 * properties) and every problem named at once.
	 *
	 * @param temporary where uploads are received before they are put
	 * @throws IllegalStateException if a setting is missing
	 */
	static S3Bucket connect(FileStorageSettings.S3 settings, Path temporary) {
		List<String> problems = settings.problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("quntuan.files.store=s3, but " + String.join("; ", problems));
		}
		S3Client client = S3Client.builder()
			.endpointOverride(settings.endpoint())
			.region(Region.of(settings.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
			.forcePathStyle(settings.pathStyle())
			// the JDK's HTTP client: no netty or Apache on the class path
			.httpClient(UrlConnectionHttpClient.create())
			// checksums only where the API demands them: several S3-compatible stores reject the
			// trailing-checksum uploads the SDK sends by default (SHA-256 is kept in stored_file anyway)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.build();
		return new S3Bucket(client, settings.bucket(), temporary, settings.toString());
	}

	@Override
	public Path receivingFile() {
		try {
			Files.createDirectories(temporary);
			return Files.createTempFile(temporary, "quntuan-upload-", ".part");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not receive an upload in " + temporary, ex);
		}
	}

	@Override
	public void put(String key, Path received) {
		try {
			client.putObject(r -> r.bucket(bucket).key(BlobStore.checked(key)), RequestBody.fromFile(received));
		}
		catch (SdkException ex) {
			throw new IllegalStateException("could not store an uploaded file in the " + description, ex);
		}
	}

	@Override
	public Optional<Resource> open(String key) {
		String checked = BlobStore.checked(key);
		try {
			HeadObjectResponse head = client.headObject(r -> r.bucket(bucket).key(checked));
			return Optional.of(new ObjectResource(checked, head.contentLength()));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			// HEAD has no body, so "no such key" arrives as a bare 404
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	@Override
	public void deleteQuietly(String key) {
		try {
			client.deleteObject(r -> r.bucket(bucket).key(BlobStore.checked(key)));
		}
		catch (SdkException ex) {
			log.warn("Could not remove {} from the {}: {}", key, description, ex.getMessage());
		}
	}

	@Override
	public void close() {
		client.close();
	}

	@Override
	public String toString() {
		return description;
	}

	/**
	 * One object, fetched when its stream is opened. Its length is known without reading it, so a
	 * response can announce it and Spring does not count the bytes by reading them first.
	 */
	private final class ObjectResource extends AbstractResource {

		private final String key;

		private final long length;

		ObjectResource(String key, long length) {
			this.key = key;
			this.length = length;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			try {
				return client.getObject(r -> r.bucket(bucket).key(key));
			}
			catch (SdkException ex) {
				throw new IOException("could not read " + key + " from the " + description, ex);
			}
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public long contentLength() {
			return length;
		}

		@Override
		public String getDescription() {
			return "object " + key + " in the " + description;
		}
	}
}
