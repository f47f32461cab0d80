package org.quntuan.platform.files;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(FileStorageSettings.class)
class FileStorageConfig {

	private static final Logger log = LoggerFactory.getLogger(FileStorageConfig.class);

	/** The store {@code quntuan.files.store} names; an S3 client is closed with the context. */
	@Bean
	BlobStore blobStore(FileStorageSettings settings) {
		BlobStore store = switch (settings.store()) {
			case LOCAL -> new LocalDirectory(settings.root());
			case S3 -> S3Bucket.connect(settings.s3(), Path.of(System.getProperty("java.io.tmpdir")));
		};
		log.info("Uploaded files are kept in the {}", store);
		return store;
	}
}
