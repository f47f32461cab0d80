package org.quntuan.care.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the access matrix test (org.quntuan.web) tries the pairing endpoints on, made once straight in
 * the database: own = a pair of 市财政局 (the organ of orgadmin1 and member1) with a partner of its own, a plan
 * item with one progress entry (no photo) and a problem 提出; sibling = the same for 市教育局. The plan-item,
 * progress and problem endpoints get those, the others the pair.
 */
public final class PairingMatrixObjects {

	private PairingMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		boolean own = relation.equals("OWN");
		if (!own && !relation.equals("SIBLING")) {
			return null;
		}
		String organ = own ? "市财政局" : "市教育局";
		long pair = pair(jdbc, organ);
		if (endpoint.contains("plan-items/{id}")) {
			return one(jdbc, "select min(id) from care_pair_plan_item where pair_id = :p", pair);
		}
		if (endpoint.contains("progress/{id}")) {
			return one(jdbc, """
					select min(g.id) from care_pair_progress g join care_pair_plan_item i on i.id = g.plan_item_id
					where i.pair_id = :p""", pair);
		}
		if (endpoint.contains("problems/{id}")) {
			return one(jdbc, "select min(id) from care_pair_problem where pair_id = :p", pair);
		}
		return pair;
	}

	private static long one(JdbcClient jdbc, String sql, long pair) {
		return jdbc.sql(sql).param("p", pair).query(Long.class).single();
	}

	private static long pair(JdbcClient jdbc, String organ) {
		String name = "矩阵测试社区-" + organ;
		Long existing = jdbc.sql("""
				select min(pr.id) from care_pair pr join care_pair_partner pt on pt.id = pr.partner_id where pt.name = :n""")
			.param("n", name).query(Long.class).optional().orElse(null);
		if (existing != null) {
			return existing;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		jdbc.sql("""
				insert into care_pair_partner (name, kind, district, contact_name, contact_phone, creator_name, created_at)
				values (:n, 'COMMUNITY', '上城区', '王红', '13905710000', '矩阵测试', :now)""")
			.param("n", name).param("now", now).update();
		long partner = jdbc.sql("select id from care_pair_partner where name = :n").param("n", name).query(Long.class)
			.single();
		long organId = jdbc.sql("select id from org where name = :n").param("n", organ).query(Long.class).single();
		jdbc.sql("""
				insert into care_pair (organ_id, partner_id, start_year, end_year, creator_name, created_at)
				values (:o, :p, :y, :y, '矩阵测试', :now)""")
			.param("o", organId).param("p", partner).param("y", today.getYear()).param("now", now).update();
		long pair = jdbc.sql("select id from care_pair where partner_id = :p").param("p", partner).query(Long.class)
			.single();
		jdbc.sql("""
				insert into care_pair_plan_item (pair_id, plan_year, title, planned_on, who_text, creator_name, created_at)
				values (:p, :y, '矩阵测试项目', :on, '工会', '矩阵测试', :now)""")
			.param("p", pair).param("y", today.getYear()).param("on", today).param("now", now).update();
		long item = one(jdbc, "select id from care_pair_plan_item where pair_id = :p", pair);
		jdbc.sql("""
				insert into care_pair_progress (plan_item_id, happened_on, note, author_name, created_at)
				values (:i, :on, '矩阵测试进展', '矩阵测试', :now)""")
			.param("i", item).param("on", today).param("now", now).update();
		jdbc.sql("""
				insert into care_pair_problem (pair_id, category, description, owner_text, raised_by, raised_on, due_date,
				  status, creator_name, created_at)
				values (:p, 'OTHER', '矩阵测试问题', '社区', 'ORGAN', :on, :on, 'RAISED', '矩阵测试', :now)""")
			.param("p", pair).param("on", today).param("now", now).update();
		return pair;
	}
}
