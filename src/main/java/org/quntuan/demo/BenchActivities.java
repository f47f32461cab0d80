package org.quntuan.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

import org.quntuan.platform.Databases;
import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's activities: {@value #ACTIVITIES} activities over this year, each for one 片组, with
 * {@value #PER_ACTIVITY} registrations each (1,000,000 over the 100,000 people; {@value #SEATS}
 * confirmed, the rest waiting; attendance and feedback for past ones), written set-based on
 * PostgreSQL. Also bearer tokens {@code bench-member-1} … {@code bench-member-5000} for 5,000 members
 * of 第一片组, so that the load driver can sign up thousands of distinct people without 5,000 password
 * hashes. Bench profile only: never in a real deployment.
 */
@Component
@Profile("bench")
@Order(57)
class BenchActivities implements ApplicationRunner {

	static final int ACTIVITIES = 10_000;

	static final int PER_ACTIVITY = 100;

	static final int SEATS = 90;

	static final int MEMBER_TOKENS = 5_000;

	private static final Logger log = LoggerFactory.getLogger(BenchActivities.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final boolean postgres;

	BenchActivities(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock, DataSource dataSource) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tx = tx;
		this.clock = clock;
		this.postgres = Databases.isPostgres(dataSource);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!postgres) {
			log.warn("基准测试活动数据只在 PostgreSQL 上生成");
			return;
		}
		if (jdbc.sql("select count(*) from activity where title like '基准活动%'").query(Long.class).single() > 0) {
			return;
		}
		long started = System.nanoTime();
		tx.executeWithoutResult(s -> seed(ACTIVITIES, PER_ACTIVITY, SEATS));
		log.info("演示数据：基准测试活动 {} 项、报名 {} 条，用时 {} 毫秒", ACTIVITIES,
				jdbc.sql("select count(*) from activity_registration").query(Long.class).single(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/** @param per registrations per activity; every group must have at least this many people */
	void seed(int count, int per, int seats) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime yearStart = LocalDate.now(clock.withZone(Zones.BUSINESS)).withDayOfYear(1).atTime(14, 0)
			.atZone(Zones.BUSINESS).toOffsetDateTime();
		long creator = jdbc.sql("select min(id) from account").query(Long.class).single();
		// one activity a day per group, round the year; group k of n = activity number modulo the groups
		jdbc.sql("""
				insert into activity (title, type, organizer_org_id, organizer_path, place, start_at, end_at, signup_opens_at,
				  signup_closes_at, seats, needs_approval, status, confirmed_count, pending_count, waitlist_seq, checkin_secret,
				  created_by_account_id, created_at, version)
				select '基准活动' || g.n, 'SPORTS_CULTURE', grp.id, grp.path, '机关活动中心',
				  cast(:start as timestamp with time zone) + ((g.n * 7) % 365) * interval '1 day',
				  cast(:start as timestamp with time zone) + ((g.n * 7) % 365) * interval '1 day' + interval '2 hours',
				  cast(:start as timestamp with time zone) + ((g.n * 7) % 365) * interval '1 day' - interval '14 days',
				  cast(:start as timestamp with time zone) + ((g.n * 7) % 365) * interval '1 day' - interval '1 day',
				  :seats, false, 'PUBLISHED', :seats, 0, :waiting, md5(g.n::text), :creator, :now, 0
				from generate_series(1, :count) as g(n)
				join (select id, path, row_number() over (order by path) - 1 as k, count(*) over () as groups
				      from org where type = 'GROUP' and active) grp on grp.k = g.n % grp.groups""")
			.param("start", yearStart).param("seats", seats).param("waiting", per - seats)
			.param("creator", creator).param("now", now).param("count", count).update();
		jdbc.sql("""
				insert into activity_audience (activity_id, org_id, org_path)
				select id, organizer_org_id, organizer_path from activity where title like '基准活动%'""").update();
		// Two work tables with fresh statistics: the people of each group numbered, and each activity with
		// its group's head count. The planner then joins them by hash on (group, number); over the live
		// tables, just filled in bulk, it misjudged the sizes and nested loops for hours.
		jdbc.sql("drop table if exists bench_group_people").update();
		jdbc.sql("drop table if exists bench_group_activities").update();
		jdbc.sql("""
				create table bench_group_people as
				select p.id, g.path as gpath, row_number() over (partition by g.id order by p.id) - 1 as r
				from person p join org organ on organ.id = p.organ_id
				join org g on g.type = 'GROUP' and organ.path like g.path || '%'
				where p.active""").update();
		jdbc.sql("""
				create table bench_group_activities as
				select a.id, a.signup_opens_at, a.start_at, a.end_at, substring(a.title from 5)::int as n, o.path as gpath,
				  c.cnt
				from activity a join org o on o.id = a.organizer_org_id
				join (select gpath, count(*) as cnt from bench_group_people group by gpath) c on c.gpath = o.path
				where a.title like '基准活动%'""").update();
		jdbc.sql("analyze bench_group_people").update();
		jdbc.sql("analyze bench_group_activities").update();
		// 100 people of the group per activity, spread evenly over the group, different for each activity
		jdbc.sql("""
				insert into activity_registration (activity_id, person_id, status, waitlist_seq, registered_at, decided_at,
				  attended_at, feedback_stars, feedback_at)
				select a.id, p.id,
				  case when j.j < :seats then 'CONFIRMED' else 'WAITLISTED' end,
				  case when j.j < :seats then null else j.j - :seats + 1 end,
				  a.signup_opens_at + j.j * interval '1 minute',
				  case when j.j < :seats then a.signup_opens_at + j.j * interval '1 minute' end,
				  case when j.j < :seats and a.end_at < cast(:now as timestamp with time zone) and j.j % 10 < 8 then a.start_at end,
				  case when j.j < :seats and a.end_at < cast(:now as timestamp with time zone) and j.j % 10 < 4 then 3 + j.j % 3 end,
				  case when j.j < :seats and a.end_at < cast(:now as timestamp with time zone) and j.j % 10 < 4 then a.end_at + interval '1 hour' end
				from bench_group_activities a
				cross join generate_series(0, :per - 1) as j(j)
				join bench_group_people p
				  on p.gpath = a.gpath and p.r = (a.n * 37 + j.j * (a.cnt / :per)) % a.cnt
				where a.cnt >= :per""")
			.param("seats", seats).param("now", now).param("per", per).update();
		jdbc.sql("drop table bench_group_people").update();
		jdbc.sql("drop table bench_group_activities").update();
		memberTokens(now);
	}

	/** Known tokens for 5,000 members of 第一片组 (bench only): SHA-256 stored, as the API keeps them. */
	private void memberTokens(OffsetDateTime now) {
		List<Long> accounts = jdbc.sql("""
				select a.id from account a join person p on p.id = a.person_id join org o on o.id = p.organ_id
				where p.active and o.path like (select path from org where name = '第一片组') || '%'
				order by a.id limit :n""").param("n", MEMBER_TOKENS).query(Long.class).list();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < accounts.size(); i++) {
			rows.add(new Object[] { sha256("bench-member-" + (i + 1)), accounts.get(i), now, now.plusDays(30) });
		}
		batch.batchUpdate("insert into api_token (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)",
				rows);
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
