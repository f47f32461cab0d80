package org.quntuan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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

	private static synchronized EmbeddedPostgres postgres() {
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
		return postgres;
	}

	/**
	 * A standby's stand-in on the test database: a login role whose sessions are read-only
	 * ({@code default_transaction_read_only}) with select on every table, also those Flyway creates
	 * later. PostgreSQL only. @return its JDBC URL
	 */
	public static synchronized String readOnlyRole(String role) {
		try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement sql = c.createStatement()) {
			sql.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role + "') then create role "
					+ role + " login; end if; end $$");
			sql.execute("alter role " + role + " set default_transaction_read_only = on");
			sql.execute("grant usage on schema public to " + role);
			sql.execute("grant select on all tables in schema public to " + role);
			sql.execute("alter default privileges in schema public grant select on tables to " + role);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return postgres().getJdbcUrl(role, "postgres");
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		if (isPostgres()) {
			postgres();
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
