package org.quntuan.finance.dues;

import org.quntuan.support.TestClock;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dues sheets the access matrix tries: a posted sheet of January 2010 of 市财政局工会 (own) or of
 * 市教育局工会 (sibling). Posted, so that no write the matrix sends changes it: a confirm is a conflict,
 * a post names the same (no) entry, adjustments are refused.
 */
public final class DuesMatrixObjects {

	private DuesMatrixObjects() {
	}

	public static long sheet(JdbcClient jdbc, String relation) {
		String union = "SIBLING".equals(relation) ? "市教育局工会" : "市财政局工会";
		long org = jdbc.sql("select id from org where name = :n").param("n", union).query(Long.class).single();
		var existing = jdbc.sql("select id from fin_dues_sheet where org_id = :o and fiscal_year = 2010 and fiscal_month = 1")
			.param("o", org).query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		jdbc.sql("""
				insert into fin_dues_sheet (org_id, fiscal_year, fiscal_month, rate, status, created_at, confirmed_at, posted_at)
				values (:o, 2010, 1, 0.005, 'POSTED', :now, :now, :now)""").param("o", org).param("now", now).update();
		return jdbc.sql("select id from fin_dues_sheet where org_id = :o and fiscal_year = 2010 and fiscal_month = 1")
			.param("o", org).query(Long.class).single();
	}
}
