package org.quntuan.care.recuperation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the access matrix test (org.quntuan.web) tries the recuperation endpoints on, made once
 * straight in the database: a batch of the work committee a month ahead with places for 市财政局 only and
 * member1 on its list, and the same for 市教育局 with orgadmin2. Both nominations are 已参加 (as if
 * recorded earlier), so that confirming is refused (422) and nothing else is open for the person; the
 * nomination endpoints ({@code /nominations/{id}}) get the nomination, the others the batch.
 */
public final class RecuperationMatrixObjects {

	private RecuperationMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		boolean own = relation.equals("OWN");
		if (!own && !relation.equals("SIBLING")) {
			return null;
		}
		String organ = own ? "市财政局" : "市教育局";
		String user = own ? "member1" : "orgadmin2";
		long batch = batch(jdbc, "矩阵测试疗休养-" + organ, organ, user);
		if (endpoint.contains("/nominations/{id}")) {
			return jdbc.sql("select id from care_recuperation_nomination where batch_id = :b").param("b", batch)
				.query(Long.class).single();
		}
		return batch;
	}

	private static long id(JdbcClient jdbc, String sql, String name, Object value) {
		return jdbc.sql(sql).param(name, value).query(Long.class).single();
	}

	private static long batch(JdbcClient jdbc, String title, String organ, String user) {
		Long id = jdbc.sql("select id from care_recuperation_batch where title = :t").param("t", title).query(Long.class)
			.optional().orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		long organId = id(jdbc, "select id from org where name = :n", "n", organ);
		jdbc.sql("""
				insert into care_recuperation_batch (title, kind, destination, starts_on, ends_on, capacity, cost_per_person,
				  owner_org_id, creator_account_id, creator_name, created_at)
				values (:t, 'STAFF', '黄山', :from, :to, 10, 2800.00, :root, 1, '矩阵测试', :now)""")
			.param("t", title).param("from", today.plusDays(30)).param("to", today.plusDays(34)).param("root", root)
			.param("now", now).update();
		id = id(jdbc, "select id from care_recuperation_batch where title = :t", "t", title);
		jdbc.sql("insert into care_recuperation_quota (batch_id, organ_id, places) values (:b, :o, 3)")
			.param("b", id).param("o", organId).update();
		long person = id(jdbc, "select person_id from account where username = :u", "u", user);
		long personOrgan = id(jdbc, "select organ_id from person where id = :p", "p", person);
		jdbc.sql("""
				insert into care_recuperation_nomination (batch_id, person_id, organ_id, status, nominator_account_id,
				  nominator_name, nominated_at, answered_at, attendance_at)
				values (:b, :p, :o, 'ATTENDED', 1, '矩阵测试', :now, :now, :now)""")
			.param("b", id).param("p", person).param("o", personOrgan).param("now", now).update();
		return id;
	}
}
