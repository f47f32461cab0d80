package org.quntuan.finance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Old years of demo books opened for the length of a test. The demo closes last year of every book,
 * and a closed year freezes every year before it ({@link Journal#isClosed}), so a test that posts into
 * an old year (for isolation from the demo's entries) first lifts the book's closes later than that
 * year; closing the handle puts the book's closes back exactly as they were (the same rows; a close
 * the test made itself goes again), so every other test still finds last year closed. Use it in a
 * try-with-resources or an {@code @AfterEach}, so the closes come back when the test fails too.
 */
public final class YearCloses {

	private YearCloses() {
	}

	public record Close(long orgId, int year, Long closedBy, OffsetDateTime closedAt) {
	}

	/** The books' closes as they were before the lift; {@link #close()} restores them. */
	public static final class Lifted implements AutoCloseable {

		private final JdbcClient jdbc;

		private final long[] orgIds;

		private final List<Close> before;

		private boolean restored;

		private Lifted(JdbcClient jdbc, long[] orgIds, List<Close> before) {
			this.jdbc = jdbc;
			this.orgIds = orgIds;
			this.before = before;
		}

		@Override
		public void close() {
			if (restored) {
				return;
			}
			restored = true;
			for (long orgId : orgIds) {
				jdbc.sql("delete from fin_year_close where org_id = :o").param("o", orgId).update();
			}
			for (Close c : before) {
				jdbc.sql("""
						insert into fin_year_close (org_id, fiscal_year, closed_by_account_id, closed_at)
						values (:o, :y, :by, :at)""")
					.param("o", c.orgId()).param("y", c.year()).param("by", c.closedBy()).param("at", c.closedAt())
					.update();
			}
		}
	}

	/** Lifts the closes of these books later than {@code year}, so that the year takes entries again. */
	public static Lifted openFrom(JdbcClient jdbc, int year, long... orgIds) {
		List<Close> before = new ArrayList<>();
		for (long orgId : orgIds) {
			before.addAll(closes(jdbc, orgId));
		}
		Lifted lifted = new Lifted(jdbc, orgIds.clone(), List.copyOf(before));
		try {
			for (long orgId : orgIds) {
				jdbc.sql("delete from fin_year_close where org_id = :o and fiscal_year > :y").param("o", orgId)
					.param("y", year).update();
			}
		}
		catch (RuntimeException ex) {
			lifted.close();
			throw ex;
		}
		return lifted;
	}

	/** The book's closes, oldest first. */
	public static List<Close> closes(JdbcClient jdbc, long orgId) {
		return jdbc.sql("""
				select org_id, fiscal_year, closed_by_account_id, closed_at from fin_year_close where org_id = :o
				order by fiscal_year""")
			.param("o", orgId)
			.query((rs, i) -> new Close(rs.getLong("org_id"), rs.getInt("fiscal_year"),
					rs.getObject("closed_by_account_id", Long.class), rs.getObject("closed_at", OffsetDateTime.class)))
			.list();
	}
}
