package org.quntuan.platform.files;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.Texts;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded files are kept and how large they may be.
 *
 * @param store {@code local} (the default) or {@code s3}
 * @param root the directory of the local store, created on first use
 * @param maxSize the largest file accepted, counted while it streams in
 * @param s3 the bucket, when {@code store=s3}
 */
@ConfigurationProperties("quntuan.files")
record FileStorageSettings(@DefaultValue("local") Store store, @DefaultValue("./data/files") Path root,
		@DefaultValue("10MB") DataSize maxSize, @DefaultValue S3 s3) {

	/** Checked while the properties are bound, so a node that lacks one says so in Boot's startup report. */
	FileStorageSettings {
		if (store == Store.S3 && !s3.problems().isEmpty()) {
			throw new IllegalStateException("quntuan.files.store=s3, but " + String.join("; ", s3.problems()));
		}
	}

	enum Store {
		LOCAL, S3
	}

	/**
	 * An S3-compatible bucket (MinIO, 阿里云 OSS, 华为 OBS, AWS S3).
	 *
	 * @param endpoint the service's address, e.g. {@code https://oss-cn-hangzhou.aliyuncs.com} or {@code http://minio:9000}
	 * @param region the signing region ({@code us-east-1} is what MinIO expects unless told otherwise)
	 * @param pathStyle {@code https://host/bucket/key} rather than {@code https://bucket.host/key}; MinIO needs it
	 */
	record S3(URI endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
			String secretKey, @DefaultValue("true") boolean pathStyle) {

		/** The settings that are missing or wrong, by property and environment variable, for the startup message. */
		List<String> problems() {
			List<String> problems = new ArrayList<>();
			if (endpoint == null || endpoint.toString().isBlank()) {
				problems.add("quntuan.files.s3.endpoint (QUNTUAN_FILES_S3_ENDPOINT) is missing");
			}
			else if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
					|| endpoint.getHost() == null) {
				problems.add("quntuan.files.s3.endpoint (QUNTUAN_FILES_S3_ENDPOINT) must be an http(s) address, not "
						+ endpoint);
			}
			missing(problems, region, "region", "QUNTUAN_FILES_S3_REGION");
			missing(problems, bucket, "bucket", "QUNTUAN_FILES_S3_BUCKET");
			missing(problems, accessKey, "access-key", "QUNTUAN_FILES_S3_ACCESS_KEY");
			missing(problems, secretKey, "secret-key", "QUNTUAN_FILES_S3_SECRET_KEY");
			return problems;
		}

		private static void missing(List<String> problems, String value, String property, String variable) {
			if (value == null || value.isBlank()) {
				problems.add("quntuan.files.s3." + property + " (" + variable + ") is missing");
			}
		}

		@Override
		public String toString() {
			// never the keys: this may end up in a log
			return "bucket " + bucket + " at " + endpoint;
		}
	}

	/** "10 MB", "512 KB": for messages shown to the user. */
	String maxSizeText() {
		long bytes = maxSize.toBytes();
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return bytes / 1024 + " KB";
		}
		return Texts.localized("platform.file.bytes", bytes);
	}
}
