package org.quntuan.platform.files;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded files are kept and how large they may be.
 *
 * @param root the directory of the local store, created on first use
 * @param maxSize the largest file accepted, counted while it streams in
 */
@ConfigurationProperties("quntuan.files")
record FileStorageSettings(@DefaultValue("./data/files") Path root, @DefaultValue("10MB") DataSize maxSize) {

	/** "10 MB", "512 KB": for messages shown to the user. */
	String maxSizeText() {
		long bytes = maxSize.toBytes();
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return bytes / 1024 + " KB";
		}
		return bytes + " 字节";
	}
}
