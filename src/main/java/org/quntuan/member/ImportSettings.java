package org.quntuan.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the Excel import. The file size is checked after the upload; the servlet's own
 * {@code spring.servlet.multipart.max-file-size} (10 MB) stops a larger request before that.
 *
 * @param maxFileSize largest accepted file
 * @param maxRows most data rows in one file
 * @param pendingLifetime how long a checked file waits for the admin's confirmation ({@link PendingImports})
 */
@ConfigurationProperties("quntuan.import")
record ImportSettings(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("50000") int maxRows,
		@DefaultValue("1h") Duration pendingLifetime) {
}
