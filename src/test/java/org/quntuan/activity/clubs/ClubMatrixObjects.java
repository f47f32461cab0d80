package org.quntuan.activity.clubs;

import org.quntuan.support.TestClock;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the access matrix test (org.quntuan.web) tries the club, series and ranking endpoints on, made once
 * straight in the database: clubs of 市财政局工会 (with member1 a member) and 市教育局工会, a club of
 * 市财政局工会 merged into the first, a planned series year and a published ranking.
 */
public final class ClubMatrixObjects {

	static final int SERIES_YEAR = 2097;

	static final int RANKING_YEAR = 2098;

	private ClubMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		if (endpoint.contains("/activity-series/{id}")) {
			return seriesQuarter(jdbc);
		}
		long own = club(jdbc, "矩阵测试财政俱乐部", "市财政局工会", "市财政局", null);
		if (endpoint.endsWith("/join") || endpoint.endsWith("/leave")) {
			return club(jdbc, "矩阵测试已合并俱乐部", "市财政局工会", "市财政局", own);
		}
		return switch (relation) {
			case "OWN" -> own;
			case "SIBLING" -> club(jdbc, "矩阵测试教育俱乐部", "市教育局工会", "市教育局", null);
			default -> null;
		};
	}

	public static synchronized int publishedRankingYear(JdbcClient jdbc) {
		if (jdbc.sql("select count(*) from group_ranking_run where year = :y").param("y", RANKING_YEAR).query(Long.class)
			.single() == 0) {
			jdbc.sql("insert into group_ranking_run (year, weight_activities, weight_participation, weight_feedback,"
					+ " extra_quotas, status, run_at, run_by_account_id, published_at) values (:y, 40, 40, 20, '2,1,1',"
					+ " 'PUBLISHED', :now, 1, :now)")
				.param("y", RANKING_YEAR).param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
		}
		return RANKING_YEAR;
	}

	private static long seriesQuarter(JdbcClient jdbc) {
		if (jdbc.sql("select count(*) from activity_series where year = :y").param("y", SERIES_YEAR).query(Long.class)
			.single() == 0) {
			jdbc.sql("insert into activity_series (year, quarter, theme, created_at, updated_at) values (:y, 1, '春之声', :now, :now)")
				.param("y", SERIES_YEAR).param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
		}
		return jdbc.sql("select id from activity_series where year = :y and quarter = 1").param("y", SERIES_YEAR)
			.query(Long.class).single();
	}

	/** The club of that name, made with a leader of the organ who is none of the demo accounts tried. */
	private static long club(JdbcClient jdbc, String name, String sponsor, String organ, Long mergedInto) {
		Long id = jdbc.sql("select id from club where name = :n").param("n", name).query(Long.class).optional().orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		long leader = jdbc.sql("select min(p.id) from person p join org o on o.id = p.organ_id where o.name = :o"
				+ " and p.id not in (select a.person_id from account a where a.person_id is not null and a.username in"
				+ " ('admin', 'group1', 'orgadmin1', 'orgadmin2', 'finance1', 'auditor1', 'info1', 'member1'))")
			.param("o", organ).query(Long.class).single();
		long sponsorId = jdbc.sql("select id from org where name = :n").param("n", sponsor).query(Long.class).single();
		jdbc.sql("insert into club (name, leader_person_id, sponsor_org_id, status, merged_into_id, merged_at, created_at)"
				+ " values (:n, :l, :s, :st, :m, :ma, :now)")
			.param("n", name).param("l", leader).param("s", sponsorId).param("st", mergedInto == null ? "ACTIVE" : "MERGED")
			.param("m", mergedInto).param("ma", mergedInto == null ? null : now).param("now", now).update();
		id = jdbc.sql("select id from club where name = :n").param("n", name).query(Long.class).single();
		jdbc.sql("insert into club_member (club_id, person_id, status, requested_at, decided_at) values (:c, :p, 'APPROVED', :now, :now)")
			.param("c", id).param("p", leader).param("now", now).update();
		if (name.equals("矩阵测试财政俱乐部")) {
			long member1 = jdbc.sql("select person_id from account where username = 'member1'").query(Long.class).single();
			jdbc.sql("insert into club_member (club_id, person_id, status, requested_at, decided_at) values (:c, :p, 'APPROVED', :now, :now)")
				.param("c", id).param("p", member1).param("now", now).update();
		}
		return id;
	}
}
