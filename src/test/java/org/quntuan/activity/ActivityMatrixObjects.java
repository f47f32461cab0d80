package org.quntuan.activity;

import org.quntuan.support.TestClock;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The activities the access matrix test (org.quntuan.web) tries the activity endpoints on, made once
 * straight in the database. Own: organized by 市财政局工会, open to everyone, registration closed
 * (so a registration attempt is refused with 422 and changes nothing), with a cancelled
 * registration of orgadmin2's person to approve, reject or remove (409). Sibling: organized by
 * 市教育局工会 for the people of 市教育局 only.
 */
public final class ActivityMatrixObjects {

	private ActivityMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String relation) {
		return switch (relation) {
			case "OWN" -> activity(jdbc, "矩阵测试财政活动", "市财政局工会", null);
			case "SIBLING" -> activity(jdbc, "矩阵测试教育活动", "市教育局工会", "市教育局工会");
			default -> null;
		};
	}

	/** A cancelled registration on the own activity. */
	public static synchronized long registration(JdbcClient jdbc) {
		long activity = activity(jdbc, "矩阵测试财政活动", "市财政局工会", null);
		long person = jdbc.sql("select person_id from account where username = 'orgadmin2'").query(Long.class).single();
		return jdbc.sql("select id from activity_registration where activity_id = :a and person_id = :p")
			.param("a", activity).param("p", person).query(Long.class).optional().orElseGet(() -> {
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into activity_registration (activity_id, person_id, status, registered_at, cancelled_at)
						values (:a, :p, 'CANCELLED', :now, :now)""")
					.param("a", activity).param("p", person).param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
				return keys.getKey().longValue();
			});
	}

	private static long activity(JdbcClient jdbc, String title, String organizer, String audienceMassOrg) {
		return jdbc.sql("select id from activity where title = :t").param("t", title).query(Long.class).optional()
			.orElseGet(() -> {
				Object[] org = jdbc.sql("select id, path, parent_id from org where name = :n").param("n", organizer)
					.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3) }).single();
				OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into activity (title, type, organizer_org_id, organizer_path, place, start_at, end_at,
						  signup_opens_at, signup_closes_at, seats, needs_approval, status, confirmed_count, pending_count,
						  waitlist_seq, checkin_secret, created_by_account_id, created_at, version)
						values (:t, 'LECTURE', :o, :p, '会议室', :start, :end, :opens, :closes, 10, false, 'PUBLISHED', 0, 0, 0,
						  'matrix-secret', 1, :now, 0)""")
					.param("t", title).param("o", org[0]).param("p", org[1]).param("start", now.plusDays(5))
					.param("end", now.plusDays(5).plusHours(2)).param("opens", now.minusDays(10))
					.param("closes", now.minusDays(1)).param("now", now).update(keys, "id");
				long id = keys.getKey().longValue();
				if (audienceMassOrg == null) {
					jdbc.sql("insert into activity_audience (activity_id, org_id, org_path) select :a, id, path from org where parent_id is null")
						.param("a", id).update();
				}
				else {
					jdbc.sql("""
							insert into activity_audience (activity_id, org_id, org_path, member_organ_id)
							select :a, id, path, parent_id from org where name = :n""")
						.param("a", id).param("n", audienceMassOrg).update();
				}
				return id;
			});
	}
}
