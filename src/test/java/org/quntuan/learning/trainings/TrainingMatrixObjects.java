package org.quntuan.learning.trainings;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.platform.SignedTokens;
import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the access matrix test (org.quntuan.web) tries the training endpoints on, made once straight
 * in the database: a confirmed class of 市财政局工会 for 市财政局 with member1 on its list, and the same of
 * 市教育局工会 for 市教育局 with orgadmin2; each has one session, ten days ahead, so that finishing it and
 * checking in change nothing (422 or 400 for whoever may try).
 */
public final class TrainingMatrixObjects {

	private TrainingMatrixObjects() {
	}

	/** The class, or for an endpoint on a session ({@code /sessions/{id}}), its session. */
	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		boolean own = relation.equals("OWN");
		if (!own && !relation.equals("SIBLING")) {
			return null;
		}
		String union = own ? "市财政局工会" : "市教育局工会";
		String organ = own ? "市财政局" : "市教育局";
		String user = own ? "member1" : "orgadmin2";
		long training = training(jdbc, "矩阵测试培训班-" + union, union, organ, user);
		if (endpoint.contains("/sessions/{id}")) {
			return jdbc.sql("select id from learning_training_session where training_id = :t").param("t", training)
				.query(Long.class).single();
		}
		return training;
	}

	private static long id(JdbcClient jdbc, String sql, String name, Object value) {
		return jdbc.sql(sql).param(name, value).query(Long.class).single();
	}

	private static long training(JdbcClient jdbc, String title, String union, String organ, String user) {
		Long id = jdbc.sql("select id from learning_training where title = :t").param("t", title).query(Long.class).optional()
			.orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		long owner = id(jdbc, "select id from org where name = :n", "n", union);
		long organId = id(jdbc, "select id from org where name = :n", "n", organ);
		String organPath = jdbc.sql("select path from org where id = :o").param("o", organId).query(String.class).single();
		jdbc.sql("""
				insert into learning_training (title, place, starts_on, ends_on, audience_rule, targets_json, quota_unit,
				  quota_per_unit, attendance_percent, status, owner_org_id, creator_account_id, creator_name, created_at,
				  confirmed_at)
				values (:t, '市委党校', :from, :to, 'ANYONE', '{}', 'ORGAN', 5, 80, 'CONFIRMED', :owner, 1, '矩阵测试', :now, :now)""")
			.param("t", title).param("from", today).param("to", today.plusDays(30)).param("owner", owner).param("now", now)
			.update();
		id = id(jdbc, "select id from learning_training where title = :t", "t", title);
		jdbc.sql("insert into learning_training_audience (training_id, org_id, org_path) values (:t, :o, :p)")
			.param("t", id).param("o", organId).param("p", organPath).update();
		jdbc.sql("""
				insert into learning_training_session (training_id, starts_at, ends_at, place, topic, teacher, form,
				  checkin_secret)
				values (:t, :at, :end, '市委党校', '矩阵测试课', '王老师', 'LECTURE', :secret)""")
			.param("t", id).param("at", now.plusDays(10)).param("end", now.plusDays(10).plusHours(2))
			.param("secret", SignedTokens.newSecret()).update();
		long person = id(jdbc, "select person_id from account where username = :u", "u", user);
		long personOrgan = id(jdbc, "select organ_id from person where id = :p", "p", person);
		jdbc.sql("""
				insert into learning_training_trainee (training_id, person_id, organ_id, quota_unit_id, nominator_account_id,
				  nominator_name, nominated_at)
				values (:t, :p, :o, :o, 1, '矩阵测试', :now)""")
			.param("t", id).param("p", person).param("o", personOrgan).param("now", now).update();
		return id;
	}
}
