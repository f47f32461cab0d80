package org.quntuan.platform.reads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read-only standby for heavy reads ({@code QUNTUAN_READS_URL}, {@code _USERNAME}, {@code _PASSWORD},
 * {@code _MAXPOOLSIZE}); without a URL every read goes to the primary.
 *
 * @param url JDBC URL of the standby (a streaming replica, hot_standby on)
 * @param maxPoolSize connections to the standby per node
 */
@ConfigurationProperties("quntuan.reads")
record ReadsSettings(String url, String username, String password, @DefaultValue("5") int maxPoolSize) {

	boolean configured() {
		return url != null && !url.isBlank();
	}
}
