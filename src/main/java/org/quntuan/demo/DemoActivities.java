package org.quntuan.demo;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of activities in the spirit of 四季有你 (the series themselves are linked by the series
 * runner, @Order(40)): each quarter, two per 片组 for its organs and one for everyone, with
 * registrations; past ones with attendance and feedback, coming ones half full or with a wait list.
 */
@Component
@Profile("demo")
@Order(30)
class DemoActivities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoActivities.class);

	/** Per quarter: type, title, place. */
	private static final String[][][] PLAN = {
			{ { "LECTURE", "三八妇女节女性健康讲座", "机关会议中心报告厅" }, { "SPORTS_CULTURE", "女职工瑜伽课", "机关活动中心健身房" },
					{ "SPORTS_CULTURE", "春季健步走", "滨江公园" }, { "THEME_PRACTICE", "学雷锋主题实践", "市民服务中心" } },
			{ { "MIXER", "青年职工联谊会", "机关青年之家" }, { "VOLUNTEER", "五四青年志愿服务", "城东社区" },
					{ "THEME_PRACTICE", "五四青年节主题团日", "革命纪念馆" }, { "SPORTS_CULTURE", "羽毛球友谊赛", "市体育馆" } },
			{ { "SPORTS_CULTURE", "机关文化艺术节合唱比赛", "市文化宫" }, { "SPORTS_CULTURE", "书画摄影作品展", "机关活动中心展厅" },
					{ "SPORTS_CULTURE", "趣味运动会", "市体育中心" }, { "TRAINING", "工会干部业务培训", "市委党校" } },
			{ { "LECTURE", "冬季健康知识讲座", "机关会议中心报告厅" }, { "CONDOLENCE", "走访慰问困难职工", "各单位" },
					{ "SPORTS_CULTURE", "冬季长跑", "环城绿道" }, { "OTHER", "新年游园会", "机关大院" } } };

	private static final String[] COMMENTS = { "组织有序，收获很大", "形式新颖，希望多办", "时间安排合理", "场地有点挤，其他都好",
			"老师讲得很好", "很放松，下次还来", "" };

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate tx;

	private final Clock clock;

	DemoActivities(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tx = tx;
		this.clock = clock;
	}

	private record Person(long id, String organPath) {
	}

	private record Org(long id, String path) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from activity").query(Long.class).single() > 0) {
			return;
		}
		tx.executeWithoutResult(s -> seed());
	}

	private void seed() {
		Random random = new Random(20261130L);
		OffsetDateTime now = OffsetDateTime.now(clock);
		int year = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		List<Org> roots = jdbc.sql("select id, path from org where parent_id is null").query((rs, i) -> new Org(rs.getLong(1), rs.getString(2))).list();
		if (roots.isEmpty()) {
			return;
		}
		Org root = roots.get(0);
		List<Org> groups = jdbc.sql("select id, path from org where type = 'GROUP' and active = true order by path")
			.query((rs, i) -> new Org(rs.getLong(1), rs.getString(2))).list();
		List<Person> people = jdbc.sql("""
				select p.id, o.path from person p join org o on o.id = p.organ_id where p.active = true order by p.id""")
			.query((rs, i) -> new Person(rs.getLong(1), rs.getString(2))).list();
		long creator = jdbc.sql("select id from account where username = 'admin'").query(Long.class).optional()
			.orElse(jdbc.sql("select min(id) from account").query(Long.class).single());
		List<Object[]> registrations = new ArrayList<>();
		int activities = 0;
		for (int q = 0; q < 4; q++) {
			List<Org> organizers = new ArrayList<>(groups);
			organizers.addAll(groups);
			organizers.add(root);
			for (int k = 0; k < organizers.size(); k++) {
				Org org = organizers.get(k);
				String[] plan = PLAN[q][(k + q) % PLAN[q].length];
				LocalDate day = LocalDate.of(year, q * 3 + 1 + random.nextInt(3), 3 + random.nextInt(24));
				OffsetDateTime start = day.atTime(org == root ? 9 : 14, random.nextBoolean() ? 0 : 30).atZone(Zones.BUSINESS)
					.toOffsetDateTime();
				int seats = org == root ? 80 + random.nextInt(5) * 10 : 20 + random.nextInt(5) * 5;
				List<Person> audience = people.stream().filter(p -> p.organPath().startsWith(org.path())).toList();
				long id = insert(plan, org, start, seats, creator, random, now);
				jdbc.sql("insert into activity_audience (activity_id, org_id, org_path) values (:a, :o, :p)").param("a", id)
					.param("o", org.id()).param("p", org.path()).update();
				activities++;
				int[] counts = register(id, start, seats, audience, random, now, registrations);
				jdbc.sql("update activity set confirmed_count = :c, waitlist_seq = :w where id = :id").param("c", counts[0])
					.param("w", counts[1]).param("id", id).update();
			}
		}
		batch.batchUpdate("""
				insert into activity_registration (activity_id, person_id, status, waitlist_seq, registered_at, decided_at,
				  attended_at, feedback_stars, feedback_comment, feedback_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				registrations, new int[] { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER,
						Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE,
						Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE });
		log.info("活动演示数据：{} 年 {} 项活动，{} 条报名", year, activities, registrations.size());
	}

	private long insert(String[] plan, Org org, OffsetDateTime start, int seats, long creator, Random random,
			OffsetDateTime now) {
		byte[] secret = new byte[24];
		random.nextBytes(secret);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into activity (title, type, organizer_org_id, organizer_path, description, place, start_at, end_at,
				  signup_opens_at, signup_closes_at, cancel_deadline, seats, needs_approval, status, confirmed_count,
				  pending_count, waitlist_seq, checkin_secret, created_by_account_id, created_at, version)
				values (:title, :type, :org, :path, :description, :place, :start, :end, :opens, :closes, :deadline, :seats,
				  false, 'PUBLISHED', 0, 0, 0, :secret, :by, :created, 0)""")
			.param("title", plan[1]).param("type", plan[0]).param("org", org.id()).param("path", org.path())
			.param("description", "欢迎广大干部职工踊跃报名参加。名额有限，额满后进入候补，如有人取消将按报名先后自动递补。")
			.param("place", plan[2]).param("start", start).param("end", start.plusHours(2))
			.param("opens", start.minusDays(14)).param("closes", start.minusDays(1))
			.param("deadline", start.minusDays(1)).param("seats", seats)
			.param("secret", HexFormat.of().formatHex(secret)).param("by", creator)
			.param("created", start.minusDays(20).isBefore(now) ? start.minusDays(20) : now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** @return confirmed count and the last wait-list number */
	private int[] register(long id, OffsetDateTime start, int seats, List<Person> audience, Random random,
			OffsetDateTime now, List<Object[]> rows) {
		OffsetDateTime opens = start.minusDays(14);
		if (opens.isAfter(now) || audience.isEmpty()) {
			return new int[] { 0, 0 };
		}
		boolean past = start.isBefore(now);
		List<Person> shuffled = new ArrayList<>(audience);
		Collections.shuffle(shuffled, random);
		// past activities filled up; coming ones anywhere from half full to a short wait list
		int wanted = past ? Math.min(shuffled.size(), seats - random.nextInt(3))
				: Math.min(shuffled.size(), seats / 2 + random.nextInt(seats));
		int confirmed = 0;
		int waitSeq = 0;
		for (int i = 0; i < wanted; i++) {
			Person p = shuffled.get(i);
			OffsetDateTime at = opens.plusMinutes(i * 7L + random.nextInt(7));
			if (at.isAfter(now)) {
				at = now.minusMinutes(wanted - i);
			}
			boolean seat = confirmed < seats;
			OffsetDateTime attended = null;
			Integer stars = null;
			String comment = null;
			OffsetDateTime feedbackAt = null;
			if (seat && past && random.nextInt(100) < 88) {
				attended = start.plusMinutes(random.nextInt(25) - 15);
				if (random.nextInt(100) < 55) {
					stars = random.nextInt(100) < 70 ? 5 : 3 + random.nextInt(2);
					String c = COMMENTS[random.nextInt(COMMENTS.length)];
					comment = c.isEmpty() ? null : c;
					feedbackAt = start.plusHours(3 + random.nextInt(48));
				}
			}
			if (seat) {
				confirmed++;
			}
			else {
				waitSeq++;
			}
			rows.add(new Object[] { id, p.id(), seat ? "CONFIRMED" : "WAITLISTED", seat ? null : waitSeq, at,
					seat ? at : null, attended, stars, comment, feedbackAt });
		}
		return new int[] { confirmed, waitSeq };
	}
}
