package org.quntuan.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * A year of meetings for about 40% of the unions and a quarter of the league branches and women's
 * committees (市财政局工会 always): attendance, published minutes (the latest sometimes a draft),
 * resolutions mostly closed, some open and a few overdue, one upcoming meeting each; and this
 * year's report to the party committee for about 70% of all 工会 / 团组织 / 妇委会.
 */
@Component
@Profile("demo")
@Order(60)
class DemoGovernance implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoGovernance.class);

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final String[] PLACES = { "机关三楼会议室", "机关五楼小会议室", "职工之家活动室", "机关一楼报告厅", "党员活动室" };

	private static final String[] AGENDA = { "传达学习上级会议精神", "研究本月工作安排", "审议经费使用情况", "讨论会员发展工作",
			"研究困难职工帮扶事项", "部署文体活动", "通报上月工作完成情况", "研究青年理论学习小组工作", "讨论女职工关爱行动方案" };

	private static final String[] RESOLUTIONS = { "拟定职工文体活动方案并报工会委员会审议", "摸排困难职工情况并建立台账",
			"完成会员信息核对更新", "组织开展读书分享会", "落实职工疗休养安排", "整理上半年经费使用明细", "筹备青年干部座谈会",
			"开展女职工健康讲座", "更新职工之家设施清单", "报送季度工作信息" };

	private record MassOrg(long id, String type, long organId, String name) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final FileStorage files;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final long seed;

	DemoGovernance(JdbcClient jdbc, JdbcTemplate jdbcTemplate, FileStorage files, Clock clock, TransactionTemplate tx,
			@Value("${quntuan.demo.seed:20261127}") long seed) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.files = files;
		this.clock = clock;
		this.tx = tx;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from meeting").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from person").query(Long.class).single() == 0) {
			return;
		}
		long started = System.nanoTime();
		tx.executeWithoutResult(status -> seed());
		log.info("演示数据：会议与年度报告，用时 {} 毫秒", Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void seed() {
		Random random = new Random(seed + 60);
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.BUSINESS);
		List<MassOrg> orgs = jdbc.sql("""
				select id, type, parent_id, name from org
				where active = true and type in ('UNION', 'LEAGUE', 'WOMEN') order by path""")
			.query((rs, i) -> new MassOrg(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
		Map<Long, List<Long>> people = new HashMap<>();
		jdbc.sql("select id, organ_id from person where active = true order by id")
			.query((rs, i) -> people.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getLong(1))).list();
		Long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).optional().orElse(null);
		List<Object[]> invitees = new ArrayList<>();
		List<Object[]> resolutions = new ArrayList<>();
		int meetings = 0;
		for (MassOrg org : orgs) {
			List<Long> staff = people.getOrDefault(org.organId(), List.of());
			boolean union = org.type().equals("UNION");
			boolean chosen = "市财政局工会".equals(org.name()) || random.nextDouble() < (union ? 0.4 : 0.25);
			if (chosen && staff.size() >= 5) {
				int step = union ? 1 : 3;
				for (int monthsAgo = 12; monthsAgo >= -1; monthsAgo -= step) {
					LocalDate day = today.minusMonths(monthsAgo).withDayOfMonth(1).plusDays(5 + random.nextInt(15));
					if (monthsAgo == -1) {
						day = today.plusDays(3 + random.nextInt(10));
					}
					OffsetDateTime startsAt = day.atTime(LocalTime.of(random.nextBoolean() ? 9 : 15, 0)).atZone(Zones.BUSINESS)
						.toOffsetDateTime();
					boolean held = startsAt.isBefore(now);
					boolean draft = held && monthsAgo <= step && random.nextInt(3) == 0;
					long id = insertMeeting(org, day, startsAt, held, draft, random, now, admin);
					meetings++;
					List<Long> shuffled = new ArrayList<>(staff);
					Collections.shuffle(shuffled, random);
					List<Long> invited = shuffled.subList(0, Math.min(shuffled.size(), 5 + random.nextInt(5)));
					for (Long person : invited) {
						int roll = random.nextInt(100);
						String attendance = !held ? null : roll < 85 ? "PRESENT" : roll < 95 ? "EXCUSED" : "ABSENT";
						invitees.add(new Object[] { id, person, attendance });
					}
					if (held) {
						for (int r = 0; r < 1 + random.nextInt(2); r++) {
							LocalDate due = day.plusDays(14 + random.nextInt(40));
							boolean closed = due.isBefore(today) && random.nextInt(100) < 85;
							resolutions.add(new Object[] { id, RESOLUTIONS[random.nextInt(RESOLUTIONS.length)],
									invited.get(random.nextInt(invited.size())), due, closed ? "CLOSED" : "OPEN",
									closed ? "已按期完成" : null,
									closed ? due.minusDays(random.nextInt(5)).atTime(17, 0).atZone(Zones.BUSINESS).toOffsetDateTime() : null,
									closed ? admin : null, startsAt.plusHours(2) });
						}
					}
				}
			}
		}
		jdbcTemplate.batchUpdate("insert into meeting_invitee (meeting_id, person_id, attendance) values (?, ?, ?)", invitees);
		jdbcTemplate.batchUpdate("""
				insert into meeting_resolution (meeting_id, content, owner_person_id, due_date, status, closing_note,
				closed_at, closed_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", resolutions);
		int reported = 0;
		for (MassOrg org : orgs) {
			if (random.nextInt(100) < 70) {
				LocalDate on = today.withDayOfYear(1).plusDays(20 + random.nextInt(Math.max(1, today.getDayOfYear() - 20)));
				var file = files.store("ANNUAL_REPORT", org.id(), org.name() + today.getYear() + "年度工作报告.pdf",
						new ByteArrayInputStream(PDF), PDF.length, EnumSet.of(FileKind.PDF));
				boolean confirmed = random.nextBoolean();
				jdbc.sql("""
						insert into annual_report (org_id, report_year, reported_on, file_id, submitted_at, confirmed_by, confirmed_at)
						values (:org, :year, :on, :file, :at, :by, :confirmedAt)""")
					.param("org", org.id()).param("year", today.getYear()).param("on", on).param("file", file.id())
					.param("at", on.atTime(10, 0).atZone(Zones.BUSINESS).toOffsetDateTime())
					.param("by", confirmed ? admin : null)
					.param("confirmedAt", confirmed ? on.plusDays(3).atTime(10, 0).atZone(Zones.BUSINESS).toOffsetDateTime() : null)
					.update();
				reported++;
			}
		}
		log.info("演示数据：会议 {} 次，决议事项 {} 项，年度报告 {} 份", meetings, resolutions.size(), reported);
	}

	private long insertMeeting(MassOrg org, LocalDate day, OffsetDateTime startsAt, boolean held, boolean draft,
			Random random, OffsetDateTime now, Long admin) {
		String kindLabel = switch (org.type()) {
			case "UNION" -> "工会";
			case "LEAGUE" -> "团支部";
			default -> "妇委会";
		};
		int roll = random.nextInt(10);
		String kind = roll < 7 ? "REGULAR" : roll < 9 ? "COMMITTEE" : "TOPICAL";
		String title = day.getYear() + "年" + day.getMonthValue() + "月" + kindLabel
				+ switch (kind) { case "REGULAR" -> "例会"; case "COMMITTEE" -> "委员会会议"; default -> "专题会议"; };
		StringBuilder agenda = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			agenda.append("一二三".charAt(i)).append("、").append(AGENDA[random.nextInt(AGENDA.length)]).append('\n');
		}
		String minutes = !held ? null
				: "会议由" + org.name() + "主席主持。会议" + AGENDA[random.nextInt(AGENDA.length)] + "，"
						+ AGENDA[random.nextInt(AGENDA.length)] + "，并对下一阶段工作作出安排。与会人员一致同意会议决议事项，明确了责任人和完成时限。";
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into meeting (org_id, organ_id, title, kind, starts_at, place, agenda, status, minutes,
				minutes_published_at, created_by, created_at)
				values (:org, :organ, :title, :kind, :startsAt, :place, :agenda, 'SCHEDULED', :minutes, :published, :by, :createdAt)""")
			.param("org", org.id()).param("organ", org.organId()).param("title", title).param("kind", kind)
			.param("startsAt", startsAt).param("place", PLACES[random.nextInt(PLACES.length)])
			.param("agenda", agenda.toString().strip()).param("minutes", minutes)
			.param("published", held && !draft ? (startsAt.plusDays(1).isBefore(now) ? startsAt.plusDays(1) : now) : null).param("by", admin)
			.param("createdAt", startsAt.minusDays(7).isBefore(now) ? startsAt.minusDays(7) : now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}
}
