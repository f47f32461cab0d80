package org.quntuan.demo;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.quntuan.platform.Zones;
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
 * A statistical form sent to every union with responses in every state, and a year of information
 * reports: one information officer per organ (info1 at 市财政局 among them) with items received,
 * adopted or published.
 */
@Component
@Profile("demo")
@Order(55)
class DemoForms implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoForms.class);

	/** A union with its 片组. */
	record Target(long orgId, Long groupId, String name) {
	}

	private static final String[] TOPICS = { "开展“健步走”全民健身活动", "举办青年干部读书分享会", "走访慰问困难职工",
			"组织“三八”节女职工插花活动", "开展职工技能比武", "举行新入职人员座谈会", "开展志愿服务进社区", "举办职工趣味运动会",
			"组织学习贯彻全会精神专题讲座", "开展“爱心献血”活动", "举办职工书画摄影展", "开展“送清凉”慰问一线职工" };

	private static final String[] WHERE = { "市直机关工委网站", "工作简报", "上级媒体" };

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final long seed;

	DemoForms(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock, TransactionTemplate tx,
			@Value("${quntuan.demo.seed:20261127}") long seed) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
		this.tx = tx;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from stat_form").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'admin'").query(Long.class).single() == 0) {
			return;
		}
		long started = System.nanoTime();
		tx.executeWithoutResult(status -> {
			Random random = new Random(seed + 55);
			OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
			forms(random, now);
			infoReports(random, now);
		});
		log.info("演示数据：统计报表与信息报送，用时 {} 毫秒", Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/** Every active union with the 片组 above it. */
	static List<Target> unions(JdbcClient jdbc) {
		return jdbc.sql("""
				select o.id, g.id as group_id, o.name from org o
				left join org g on g.type = 'GROUP' and o.path like g.path || '%'
				where o.type = 'UNION' and o.active = true order by o.path""")
			.query((rs, i) -> new Target(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3))).list();
	}

	private void forms(Random random, OffsetDateTime now) {
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		long admin = account("admin");
		long form = form("2026年度基层工会基本情况统计", "请各基层工会如实填报截至本月底的数据，数字以人、万元为单位。", now.plusDays(7), root,
				admin, now.minusDays(3));
		long people = field(form, 1, "职工人数", "INTEGER", true, "0", "5000", null, null);
		long members = field(form, 2, "工会会员数", "INTEGER", true, "0", "5000", null, null);
		long funds = field(form, 3, "本年活动经费（万元）", "DECIMAL", true, "0", "1000", null, null);
		long home = field(form, 4, "是否建成职工之家", "CHOICE", true, null, null, null, "是\n否");
		long chair = field(form, 5, "工会主席", "TEXT", false, null, null, 20, null);
		long date = field(form, 6, "换届日期", "DATE", false, null, null, null, null);
		List<Target> unions = unions(jdbc);
		String[] states = { "SUBMITTED", "SUBMITTED", "SUBMITTED", "DRAFT", "SUBMITTED", "NOT_STARTED", "RETURNED",
				"SUBMITTED" };
		List<Object[]> responses = new ArrayList<>();
		for (int i = 0; i < unions.size(); i++) {
			String state = states[i % states.length];
			OffsetDateTime saved = "NOT_STARTED".equals(state) ? null : now.minusHours(2 + random.nextInt(60));
			responses.add(new Object[] { form, unions.get(i).orgId(), unions.get(i).groupId(), state,
					"RETURNED".equals(state) ? "会员数大于职工人数，请核实" : null, saved,
					"DRAFT".equals(state) || saved == null ? null : saved, "NOT_STARTED".equals(state) ? 0 : 1 });
		}
		jdbcTemplate.batchUpdate("""
				insert into stat_form_response (form_id, org_id, group_id, status, return_reason, saved_at, submitted_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", responses);
		List<Object[]> values = new ArrayList<>();
		for (var r : jdbc.sql("select id, status from stat_form_response where form_id = :f and status <> 'NOT_STARTED'")
			.param("f", form).query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).list()) {
			long response = (Long) r[0];
			int staff = 40 + random.nextInt(260);
			int union = "RETURNED".equals(r[1]) ? staff + 5 : staff - random.nextInt(10);
			BigDecimal money = BigDecimal.valueOf(5 + random.nextInt(400), 1);
			values.add(new Object[] { response, people, String.valueOf(staff), BigDecimal.valueOf(staff) });
			values.add(new Object[] { response, members, String.valueOf(union), BigDecimal.valueOf(union) });
			values.add(new Object[] { response, funds, money.toPlainString(), money });
			values.add(new Object[] { response, home, random.nextInt(4) == 0 ? "否" : "是", null });
			if (random.nextBoolean()) {
				values.add(new Object[] { response, chair, "张" + "伟芳敏静强磊军洋".charAt(random.nextInt(8)), null });
			}
			values.add(new Object[] { response, date, LocalDate.now(clock.withZone(Zones.BUSINESS)).minusMonths(random.nextInt(40)).toString(), null });
		}
		jdbcTemplate.batchUpdate(
				"insert into stat_form_value (response_id, field_id, value_text, value_number) values (?, ?, ?, ?)", values);
	}

	private long form(String title, String instructions, OffsetDateTime deadline, long senderOrg, long by,
			OffsetDateTime created) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into stat_form (title, instructions, deadline, sender_org_id, created_by, created_at)
				values (:t, :i, :d, :s, :b, :c)""")
			.param("t", title).param("i", instructions).param("d", deadline).param("s", senderOrg).param("b", by)
			.param("c", created).update(keys, "id");
		return keys.getKey().longValue();
	}

	private long field(long form, int position, String label, String type, boolean required, String min, String max,
			Integer maxLength, String options) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into stat_form_field (form_id, position, label, type, required, min_value, max_value, max_length, options)
				values (:f, :p, :l, :t, :r, :min, :max, :len, :o)""")
			.param("f", form).param("p", position).param("l", label).param("t", type).param("r", required)
			.param("min", min == null ? null : new BigDecimal(min), Types.NUMERIC)
			.param("max", max == null ? null : new BigDecimal(max), Types.NUMERIC)
			.param("len", maxLength, Types.INTEGER).param("o", options, Types.VARCHAR)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** One officer per organ (the organ's first account that has no role yet; info1 at 市财政局). */
	private void infoReports(Random random, OffsetDateTime now) {
		record Officer(long accountId, String name, long organId) {
		}
		List<Officer> officers = new ArrayList<>(jdbc.sql("""
				select a.id, a.display_name, b.org_id from account a join role_binding b on b.account_id = a.id
				where b.role = 'INFO_OFFICER' order by a.id""")
			.query((rs, i) -> new Officer(rs.getLong(1), rs.getString(2), rs.getLong(3))).list());
		List<Object[]> bindings = new ArrayList<>();
		List<Object[]> organs = jdbc.sql("""
				select o.id, (select min(a.id) from account a join person p on p.id = a.person_id
				              where p.organ_id = o.id and p.active = true and a.username not in (:named)
				                and not exists (select 1 from role_binding b where b.account_id = a.id))
				from org o where o.type = 'ORGAN' and o.active = true order by o.path""")
			.param("named", DemoData.NAMED_ACCOUNTS)
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getObject(2, Long.class) }).list();
		for (Object[] organ : organs) {
			long organId = (Long) organ[0];
			if (organ[1] == null || officers.stream().anyMatch(o -> o.organId() == organId)) {
				continue;
			}
			bindings.add(new Object[] { organ[1], organId, now.minusYears(1) });
		}
		jdbcTemplate.batchUpdate(
				"insert into role_binding (account_id, role, org_id, created_at) values (?, 'INFO_OFFICER', ?, ?)", bindings);
		officers = jdbc.sql("""
				select a.id, a.display_name, b.org_id from account a join role_binding b on b.account_id = a.id
				where b.role = 'INFO_OFFICER' order by a.id""")
			.query((rs, i) -> new Officer(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
		long admin = account("admin");
		LocalDate today = LocalDate.ofInstant(now.toInstant(), Zones.BUSINESS);
		int days = today.getDayOfYear() - 1;
		List<Object[]> rows = new ArrayList<>();
		for (Officer o : officers) {
			int items = 1 + random.nextInt(6);
			for (int i = 0; i < items; i++) {
				OffsetDateTime at = now.minusDays(days == 0 ? 0 : random.nextInt(days + 1)).minusHours(random.nextInt(8));
				if (at.atZoneSameInstant(Zones.BUSINESS).getYear() != today.getYear()) {
					at = now;
				}
				double roll = random.nextDouble();
				boolean recent = at.isAfter(now.minusDays(3));
				String status = recent ? "SUBMITTED" : roll < 0.35 ? "RECEIVED" : roll < 0.7 ? "ADOPTED" : roll < 0.9
						? "PUBLISHED" : "SUBMITTED";
				String topic = TOPICS[random.nextInt(TOPICS.length)];
				rows.add(new Object[] { topic, "近日，本单位" + topic + "，干部职工踊跃参与，取得良好效果。", o.organId(), o.accountId(),
						o.name(), status, "PUBLISHED".equals(status) ? WHERE[random.nextInt(WHERE.length)] : null,
						"SUBMITTED".equals(status) ? null : admin, "SUBMITTED".equals(status) ? null : at.plusDays(1), at,
						at.atZoneSameInstant(Zones.BUSINESS).getYear(), "SUBMITTED".equals(status) ? 0 : 1 });
			}
		}
		jdbcTemplate.batchUpdate("""
				insert into info_report (title, body, organ_id, author_account_id, author_name, status, published_where,
				  marked_by, marked_at, submitted_at, report_year, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	private long account(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}
}
