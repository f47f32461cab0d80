package org.quntuan.organization;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Re-elections for the access matrix: a completed one per union, which blocks nothing and changes no team. */
public final class ReelectionMatrixObjects {

	private ReelectionMatrixObjects() {
	}

	public static long completed(JdbcClient jdbc, String unionName) {
		long org = jdbc.sql("select id from org where name = :n").param("n", unionName).query(Long.class).single();
		var existing = jdbc.sql("select min(id) from reelection where org_id = :o and reason = 'access-matrix'")
			.param("o", org).query(Long.class).optional().filter(id -> id != null);
		if (existing.isPresent()) {
			return existing.get();
		}
		var keys = new GeneratedKeyHolder();
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		jdbc.sql("""
				insert into reelection (org_id, open_org_id, status, planned_date, reason, seats, filed_at, updated_at, version)
				values (:o, null, 'COMPLETED', :d, 'access-matrix', 1, :now, :now, 0)""")
			.param("o", org).param("d", LocalDate.now(TestClock.CLOCK).minusYears(1)).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}
}
