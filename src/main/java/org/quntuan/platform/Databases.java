package org.quntuan.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Which database the platform runs on, for the few statements that differ between PostgreSQL and H2. */
public final class Databases {

	private Databases() {
	}

	public static boolean isPostgres(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot tell the database", ex);
		}
	}
}
