package org.quntuan.finance.audits;

import org.quntuan.support.TestClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The audits the access matrix tries its endpoints on: 2015 audits of 市财政局工会 (OWN) and of
 * 市教育局工会 (SIBLING), under way with a checklist item and one open finding, so that the allowed
 * callers' bad requests meet a validation error (400) or a state conflict (409), never a change.
 */
public final class AuditMatrixObjects {

	static final int YEAR = 2015;

	private AuditMatrixObjects() {
	}

	/** The audit, or for a findings endpoint its finding. */
	public static long object(JdbcClient jdbc, String endpoint, String relation) {
		String union = relation.equals("OWN") ? "市财政局工会" : "市教育局工会";
		long audit = audit(jdbc, union);
		if (endpoint.contains("/findings/{id}")) {
			return jdbc.sql("select min(id) from fin_audit_finding where audit_id = :a").param("a", audit).query(Long.class)
				.single();
		}
		return audit;
	}

	private static synchronized long audit(JdbcClient jdbc, String union) {
		long org = jdbc.sql("select id from org where name = :n").param("n", union).query(Long.class).single();
		var existing = jdbc.sql("select id from fin_audit where org_id = :o and fiscal_year = :y").param("o", org)
			.param("y", YEAR).query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		String path = jdbc.sql("select path from org where id = :o").param("o", org).query(String.class).single();
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into fin_audit (fiscal_year, org_id, org_path, auditor_account_id, status, planned_by_account_id,
				  created_at, started_at)
				values (:y, :o, :p, :by, 'RECTIFYING', :by, :now, :now)""")
			.param("y", YEAR).param("o", org).param("p", path).param("by", admin).param("now", now).update(keys, "id");
		long audit = keys.getKey().longValue();
		jdbc.sql("insert into fin_audit_check (audit_id, item_no, item) values (:a, 1, '经费支出是否经审批')").param("a", audit)
			.update();
		jdbc.sql("""
				insert into fin_audit_finding (audit_id, severity, description, rectification, deadline, status, created_at)
				values (:a, 'MINOR', '权限测试', '权限测试', :d, 'OPEN', :now)""")
			.param("a", audit).param("d", LocalDate.now(TestClock.CLOCK).plusYears(1)).param("now", now).update();
		return audit;
	}
}
