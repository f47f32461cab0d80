package org.quntuan.care.mutualaid;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The object the access matrix test (org.quntuan.web) tries the mutual-aid endpoints on: one plan of
 * year 2099, made once straight in the database, enrolment open, with a target for every organ (its
 * split sums to the plan's target). A plan is the city's, so there is no sibling: own and sibling are
 * the same plan, and what differs between callers is which organs of it they reach.
 */
public final class MutualAidMatrixObjects {

	static final int YEAR = 2099;

	private MutualAidMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		if (!relation.equals("OWN") && !relation.equals("SIBLING")) {
			return null;
		}
		Long id = jdbc.sql("select id from care_mutualaid_plan where plan_year = :y").param("y", YEAR).query(Long.class)
			.optional().orElse(null);
		if (id != null) {
			return id;
		}
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		jdbc.sql("""
				insert into care_mutualaid_plan (plan_year, title, starts_on, ends_on, price_per_person, enrol_opens_on,
				  enrol_closes_on, target, remind_below_percent, created_at)
				values (:y, '矩阵测试医疗互助计划', :from, :to, 60, :from, :to, 1000, 80, :now)""")
			.param("y", YEAR).param("from", today.minusDays(5)).param("to", today.plusDays(300))
			.param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
		id = jdbc.sql("select id from care_mutualaid_plan where plan_year = :y").param("y", YEAR).query(Long.class).single();
		jdbc.sql("""
				insert into care_mutualaid_target (plan_id, organ_id, target)
				select :p, o.id, 0 from org o where o.type = 'ORGAN' and o.active = true""").param("p", id).update();
		jdbc.sql("""
				update care_mutualaid_target set target = 1000
				where plan_id = :p and organ_id = (select min(organ_id) from care_mutualaid_target where plan_id = :p)""")
			.param("p", id).update();
		return id;
	}
}
