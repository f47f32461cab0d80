package org.quntuan.care.visits;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the access matrix test (org.quntuan.web) tries the visit endpoints on, made once straight in
 * the database: own = a plan paid by 市财政局工会 for 市财政局 with member1 on its list, visited (goods, so
 * nothing is in the journal); sibling = the same of 市教育局工会 with orgadmin2. Every write the matrix
 * sends meets the visited recipient (409, 422) or an incomplete body (400), so nothing changes.
 */
public final class VisitMatrixObjects {

	private VisitMatrixObjects() {
	}

	/** The plan; for an endpoint on a recipient its recipient, on a visit its visit. */
	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		boolean own = relation.equals("OWN");
		if (!own && !relation.equals("SIBLING")) {
			return null;
		}
		String union = own ? "市财政局工会" : "市教育局工会";
		String user = own ? "member1" : "orgadmin2";
		if (endpoint.contains("/sick-reports/{id}")) {
			return sickReport(jdbc, user);
		}
		long plan = plan(jdbc, "矩阵测试走访计划-" + union, union, user);
		if (endpoint.contains("/recipients/{id}") || endpoint.contains("/visit-recipients/{id}")
				|| endpoint.equals("POST /api/v1/care/visits")) {
			return jdbc.sql("select id from care_visit_recipient where plan_id = :p").param("p", plan).query(Long.class)
				.single();
		}
		if (endpoint.contains("/records/{id}") || endpoint.contains("/care/visits/{id}") && endpoint.contains("/api/")) {
			return jdbc.sql("select id from care_visit where plan_id = :p").param("p", plan).query(Long.class).single();
		}
		return plan;
	}

	/** A closed sick report of the user's person: edits meet 422, closing again 409. */
	private static long sickReport(JdbcClient jdbc, String user) {
		long person = id(jdbc, "select person_id from account where username = :u", "u", user);
		Long id = jdbc.sql("select id from care_visit_sick_report where person_id = :p and filed_by_name = '矩阵测试'")
			.param("p", person).query(Long.class).optional().orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		long organ = id(jdbc, "select organ_id from person where id = :p", "p", person);
		jdbc.sql("""
				insert into care_visit_sick_report (person_id, organ_id, admitted_on, discharged_on, hospital,
				  filed_by_account_id, filed_by_name, filed_at, closed_at, closed_by_name, version)
				values (:p, :organ, :in, :out, '矩阵测试医院', 1, '矩阵测试', :now, :now, '矩阵测试', 1)""")
			.param("p", person).param("organ", organ).param("in", today.minusDays(10)).param("out", today.minusDays(2))
			.param("now", now).update();
		return jdbc.sql("select id from care_visit_sick_report where person_id = :p and filed_by_name = '矩阵测试'")
			.param("p", person).query(Long.class).single();
	}

	private static long id(JdbcClient jdbc, String sql, String name, Object value) {
		return jdbc.sql(sql).param(name, value).query(Long.class).single();
	}

	private static long plan(JdbcClient jdbc, String title, String union, String user) {
		Long id = jdbc.sql("select id from care_visit_plan where title = :t").param("t", title).query(Long.class).optional()
			.orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		long book = id(jdbc, "select id from org where name = :n", "n", union);
		long area = id(jdbc, "select parent_id from org where id = :o", "o", book);
		jdbc.sql("""
				insert into care_visit_plan (title, starts_on, ends_on, book_org_id, area_org_id, budget, creator_account_id,
				  creator_name, created_at)
				values (:t, :from, :to, :book, :area, 1000.00, 1, '矩阵测试', :now)""")
			.param("t", title).param("from", today.minusDays(10)).param("to", today.plusDays(10)).param("book", book)
			.param("area", area).param("now", now).update();
		id = id(jdbc, "select id from care_visit_plan where title = :t", "t", title);
		jdbc.sql("insert into care_visit_standard (plan_id, kind, form, amount, goods) values (:p, 'RETIRED', 'GOODS', 200.00, '大米')")
			.param("p", id).update();
		long person = id(jdbc, "select person_id from account where username = :u", "u", user);
		long organ = id(jdbc, "select organ_id from person where id = :p", "p", person);
		jdbc.sql("""
				insert into care_visit_recipient (plan_id, person_id, kind, organ_id, planned_amount, added_by_account_id,
				  added_by_name, added_at)
				values (:p, :person, 'RETIRED', :organ, 200.00, 1, '矩阵测试', :now)""")
			.param("p", id).param("person", person).param("organ", organ).param("now", now).update();
		long recipient = id(jdbc, "select id from care_visit_recipient where plan_id = :p", "p", id);
		jdbc.sql("""
				insert into care_visit (plan_id, recipient_id, visited_on, visitors, form, amount, goods,
				  recorded_by_account_id, recorded_by_name, recorded_at)
				values (:p, :r, :on, '矩阵测试', 'GOODS', 200.00, '大米', 1, '矩阵测试', :now)""")
			.param("p", id).param("r", recipient).param("on", today).param("now", now).update();
		return id;
	}
}
