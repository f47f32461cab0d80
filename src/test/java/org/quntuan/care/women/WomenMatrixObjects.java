package org.quntuan.care.women;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the access matrix test (org.quntuan.web) tries the women's screening endpoints on, made once
 * straight in the database. member1 is a man, so the own object is a sign-up of finance1, a woman of the
 * same organ (市财政局): a screening of the federation with places for 市财政局 only, its sign-up closed
 * yesterday, and finance1 signed up with her result recorded (so cancelling is refused, 422). The sibling
 * is the same for 市教育局 with orgadmin2. The sign-up endpoints ({@code /signups/{id}}) get the sign-up,
 * the others the screening.
 */
public final class WomenMatrixObjects {

	private WomenMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		boolean own = relation.equals("OWN");
		if (!own && !relation.equals("SIBLING")) {
			return null;
		}
		String organ = own ? "市财政局" : "市教育局";
		String user = own ? "finance1" : "orgadmin2";
		long screening = screening(jdbc, "矩阵测试两癌筛查-" + organ, organ, user);
		if (endpoint.contains("/women/signups/{id}")) {
			return jdbc.sql("select id from care_women_signup where screening_id = :s").param("s", screening)
				.query(Long.class).single();
		}
		return screening;
	}

	private static long id(JdbcClient jdbc, String sql, String name, Object value) {
		return jdbc.sql(sql).param(name, value).query(Long.class).single();
	}

	private static long screening(JdbcClient jdbc, String title, String organ, String user) {
		Long id = jdbc.sql("select id from care_women_screening where title = :t").param("t", title).query(Long.class)
			.optional().orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		jdbc.sql("""
				insert into care_women_screening (year, title, starts_on, ends_on, signup_opens_on, signup_closes_on, capacity,
				  priority_age, priority_years, owner_org_id, creator_account_id, creator_name, created_at)
				values (:y, :t, :from, :to, :opens, :closes, 3, 35, 2, :root, 1, '矩阵测试', :now)""")
			.param("y", today.getYear()).param("t", title).param("from", today.minusDays(5)).param("to", today.plusDays(20))
			.param("opens", today.minusDays(20)).param("closes", today.minusDays(1)).param("root", root).param("now", now)
			.update();
		id = id(jdbc, "select id from care_women_screening where title = :t", "t", title);
		long organId = id(jdbc, "select id from org where name = :n", "n", organ);
		jdbc.sql("insert into care_women_quota (screening_id, organ_id, places) values (:s, :o, 3)")
			.param("s", id).param("o", organId).update();
		long person = id(jdbc, "select person_id from account where username = :u", "u", user);
		jdbc.sql("""
				insert into care_women_signup (screening_id, person_id, organ_id, status, priority, signed_up_at, result,
				  result_at, result_by_name)
				values (:s, :p, :o, 'CONFIRMED', true, :now, 'NORMAL', :now, '矩阵测试')""")
			.param("s", id).param("p", person).param("o", organId).param("now", now).update();
		return id;
	}
}
