package org.quntuan.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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
 * The benchmark's statistical form: {@value #TITLE}, 20 fields (16 numbers, 2 choices, a text and a
 * date), sent to every union and submitted by all of them (400 × 20 values), written set-based. The
 * load driver measures its aggregate (target: under 200 ms).
 */
@Component
@Profile("bench")
@Order(56)
class BenchForms implements ApplicationRunner {

	static final String TITLE = "基准测试报表（20项）";

	private static final Logger log = LoggerFactory.getLogger(BenchForms.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	private final TransactionTemplate tx;

	BenchForms(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from stat_form where title = :t").param("t", TITLE).query(Long.class).single() > 0) {
			return;
		}
		long started = System.nanoTime();
		long rows = tx.execute(status -> seed());
		log.info("演示数据：基准测试报表 20 项，填报值 {} 条，用时 {} 毫秒", rows,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private long seed() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into stat_form (title, instructions, deadline, sender_org_id, created_at)
				values (:t, '基准测试数据', :d, :root, :now)""")
			.param("t", TITLE).param("d", now.plusDays(30)).param("root", root).param("now", now.minusDays(1))
			.update(keys, "id");
		long form = keys.getKey().longValue();
		List<Object[]> fields = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			String type = i <= 10 ? "INTEGER" : i <= 16 ? "DECIMAL" : i <= 18 ? "CHOICE" : i == 19 ? "TEXT" : "DATE";
			fields.add(new Object[] { form, i, "指标" + i, type, i <= 16, "CHOICE".equals(type) ? "是\n否" : null,
					"TEXT".equals(type) ? 200 : null });
		}
		jdbcTemplate.batchUpdate("""
				insert into stat_form_field (form_id, position, label, type, required, options, max_length)
				values (?, ?, ?, ?, ?, ?, ?)""", fields);
		List<DemoForms.Target> unions = DemoForms.unions(jdbc);
		jdbcTemplate.batchUpdate("""
				insert into stat_form_response (form_id, org_id, group_id, status, saved_at, submitted_at, version)
				values (?, ?, ?, 'SUBMITTED', ?, ?, 1)""",
				unions.stream().map(u -> new Object[] { form, u.orgId(), u.groupId(), now, now }).toList());
		int numbers = jdbc.sql("""
				insert into stat_form_value (response_id, field_id, value_text, value_number)
				select r.id, f.id, cast(mod(r.id * 31 + f.id * 17, 1000) as varchar(20)), mod(r.id * 31 + f.id * 17, 1000)
				from stat_form_response r cross join stat_form_field f
				where r.form_id = :f and f.form_id = :f and f.type in ('INTEGER', 'DECIMAL')""")
			.param("f", form).update();
		int others = jdbc.sql("""
				insert into stat_form_value (response_id, field_id, value_text)
				select r.id, f.id, case f.type when 'CHOICE' then case when mod(r.id, 3) = 0 then '否' else '是' end
				                               when 'DATE' then '2026-11-01' else '正常' end
				from stat_form_response r cross join stat_form_field f
				where r.form_id = :f and f.form_id = :f and f.type not in ('INTEGER', 'DECIMAL')""")
			.param("f", form).update();
		return (long) numbers + others;
	}
}
