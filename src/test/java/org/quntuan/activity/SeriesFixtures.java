package org.quntuan.activity;

import org.quntuan.support.TestClock;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Activities and registrations written straight to the tables, at any date, for series, club and ranking tests. */
public final class SeriesFixtures {

	private SeriesFixtures() {
	}

	/** An activity organized by the org, open to everyone below the root. */
	public static long activity(JdbcClient jdbc, String title, long organizerOrgId, OffsetDateTime startAt, Long seriesId,
			Long clubId) {
		String path = jdbc.sql("select path from org where id = :id").param("id", organizerOrgId).query(String.class).single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into activity (title, type, organizer_org_id, organizer_path, series_id, club_id, place, start_at, end_at,
				  signup_opens_at, signup_closes_at, seats, checkin_secret, created_by_account_id, created_at)
				values (:t, 'SPORTS_CULTURE', :o, :p, :s, :c, '机关活动中心', :start, :end, :open, :close, 100, 'test-secret', 1, :now)""")
			.param("t", title).param("o", organizerOrgId).param("p", path).param("s", seriesId).param("c", clubId)
			.param("start", startAt).param("end", startAt.plusHours(2)).param("open", startAt.minusDays(10))
			.param("close", startAt.minusDays(1)).param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
		long id = keys.getKey().longValue();
		long root = jdbc.sql("select id from org where parent_id is null").query(Long.class).single();
		String rootPath = jdbc.sql("select path from org where id = :id").param("id", root).query(String.class).single();
		jdbc.sql("insert into activity_audience (activity_id, org_id, org_path) values (:a, :o, :p)")
			.param("a", id).param("o", root).param("p", rootPath).update();
		return id;
	}

	/** A confirmed registration, checked in when attended, with stars when given. */
	public static void registration(JdbcClient jdbc, long activityId, long personId, boolean attended, Integer stars) {
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		jdbc.sql("""
				insert into activity_registration (activity_id, person_id, status, registered_at, attended_at, feedback_stars)
				values (:a, :p, 'CONFIRMED', :now, :att, :stars)""")
			.param("a", activityId).param("p", personId).param("now", now).param("att", attended ? now : null)
			.param("stars", stars).update();
		jdbc.sql("update activity set confirmed_count = confirmed_count + 1 where id = :a").param("a", activityId).update();
	}
}
