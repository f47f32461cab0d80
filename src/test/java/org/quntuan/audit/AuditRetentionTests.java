package org.quntuan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The audit log is kept at least 180 days and never edited: no statement of the application updates,
 * deletes or empties it. A purge after the retention period would be an operator's job on an archive,
 * never the application's.
 */
class AuditRetentionTests {

	private static final Pattern CHANGES_THE_LOG = Pattern.compile(
			"(update\\s+audit_event|delete\\s+from\\s+audit_event|truncate\\s+(table\\s+)?audit_event|drop\\s+table\\s+(if\\s+exists\\s+)?audit_event)",
			Pattern.CASE_INSENSITIVE);

	@Test
	void noMainSourceUpdatesOrDeletesAuditRows() throws IOException {
		List<String> offenders;
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
			offenders = files.filter(Files::isRegularFile)
				.filter(f -> f.toString().matches(".*\\.(java|sql|properties|html|xml|yaml|yml)$"))
				.filter(f -> CHANGES_THE_LOG.matcher(read(f)).find())
				.map(Path::toString)
				.toList();
		}
		assertThat(offenders).as("sources that change or remove audit rows").isEmpty();
	}

	@Test
	void thePatternWouldCatchAnOffender() {
		assertThat(CHANGES_THE_LOG.matcher("DELETE  FROM audit_event where id = 1").find()).isTrue();
		assertThat(CHANGES_THE_LOG.matcher("Update audit_event set detail = ''").find()).isTrue();
		assertThat(CHANGES_THE_LOG.matcher("insert into audit_event (type) values ('X')").find()).isFalse();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
