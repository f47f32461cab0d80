package org.quntuan.platform.web;

import java.sql.SQLException;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * A database error is logged in one short line: the message of a {@link DataAccessException} holds
 * the whole SQL statement (230 KB for a list of 70,000 ids) and the driver's message may hold the
 * bound values (personal data). Statement and values go to DEBUG only.
 */
final class DatabaseErrors {

	private static final Logger log = LoggerFactory.getLogger(DatabaseErrors.class);

	private DatabaseErrors() {
	}

	static void log(HttpServletRequest request, DataAccessException ex) {
		SQLException sql = ex.getMostSpecificCause() instanceof SQLException s ? s : null;
		log.error("Database error on {} {}: {} (SQLState {}, code {})", request.getMethod(), request.getRequestURI(),
				ex.getClass().getSimpleName(), sql == null ? "-" : sql.getSQLState(), sql == null ? "-" : sql.getErrorCode());
		log.debug("Database error in full", ex);
	}
}
