package org.quntuan.notice.forms;

import org.quntuan.support.TestClock;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The objects of the access matrix (AccessMatrixTests) for statistical forms and information reports.
 * Forms: "own" is sent by the federation to 市财政局工会, "sibling" to 市教育局工会; nobody has filled
 * them in, and the matrix sends only values that are refused. Information reports: "own" is info1's
 * item of 市财政局, "sibling" an item of 市教育局; both wait for the federation (SUBMITTED).
 */
public final class FormMatrixObjects {

	private FormMatrixObjects() {
	}

	public static Long object(JdbcClient jdbc, String endpoint, String relation) {
		boolean own = "OWN".equals(relation);
		if (endpoint.contains("/info-reports/")) {
			return infoReport(jdbc, own ? "市财政局" : "市教育局", own ? "info1" : "orgadmin2");
		}
		return form(jdbc, own ? "市财政局工会" : "市教育局工会");
	}

	private static long form(JdbcClient jdbc, String union) {
		String title = "access-matrix-form-" + union;
		var existing = jdbc.sql("select id from stat_form where title = :t").param("t", title).query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into stat_form (title, instructions, deadline, sender_org_id, created_at)
				values (:t, '测试', :deadline, :root, :now)""")
			.param("t", title).param("deadline", OffsetDateTime.now(TestClock.CLOCK).plusYears(5)).param("root", root)
			.param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("insert into stat_form_field (form_id, position, label, type, required) values (:f, 1, '人数', 'INTEGER', true)")
			.param("f", id).update();
		long org = jdbc.sql("select id from org where name = :n").param("n", union).query(Long.class).single();
		jdbc.sql("insert into stat_form_response (form_id, org_id, status, version) values (:f, :o, 'NOT_STARTED', 0)")
			.param("f", id).param("o", org).update();
		return id;
	}

	private static long infoReport(JdbcClient jdbc, String organ, String author) {
		String title = "access-matrix-info-" + organ;
		var existing = jdbc.sql("select id from info_report where title = :t").param("t", title).query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		long organId = jdbc.sql("select id from org where name = :n").param("n", organ).query(Long.class).single();
		long account = jdbc.sql("select id from account where username = :u").param("u", author).query(Long.class)
			.single();
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into info_report (title, body, organ_id, author_account_id, author_name, status, submitted_at,
				  report_year, version)
				values (:t, '测试', :o, :a, '测试', 'SUBMITTED', :now, :y, 0)""")
			.param("t", title).param("o", organId).param("a", account).param("now", now).param("y", now.getYear())
			.update(keys, "id");
		return keys.getKey().longValue();
	}
}
