package org.quntuan.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of a test run: H2 in PostgreSQL mode by default; a real PostgreSQL (zonky's embedded
 * binaries, version 17) when the system property {@code quntuan.test.database} is {@code postgres},
 * which the build's second test execution sets.
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("quntuan.test.database"));
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		if (isPostgres()) {
			if (postgres == null) {
				try {
					postgres = EmbeddedPostgres.builder().start();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						postgres.close();
					}
					catch (IOException ignored) {
						// the JVM is going away
					}
				}));
			}
			registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
			registry.add("spring.datasource.username", () -> "postgres");
			registry.add("spring.datasource.password", () -> "");
		}
		else {
			registry.add("spring.datasource.url", () -> "jdbc:h2:mem:quntuan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH,DAY,VALUE,KEY;DB_CLOSE_DELAY=-1");
			registry.add("spring.datasource.username", () -> "sa");
			registry.add("spring.datasource.password", () -> "");
		}
	}
}
