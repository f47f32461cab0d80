package org.quntuan.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

import org.quntuan.platform.Databases;
import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's medical mutual aid: this year's plan of {@link DemoMutualAid}, its target raised to
 * {@value #TARGET} (each organ's share times ten, so the split still sums to it) and {@value #TARGET}
 * enrolments spread over the 400 organs, leaving about 25,000 people in service for the load driver's
 * bulk enrolments. Written set-based on PostgreSQL. Bench profile only.
 */
@Component
@Profile("bench")
@Order(96)
class BenchMutualAid implements ApplicationRunner {

	static final int TARGET = 70_000;

	private static final Logger log = LoggerFactory.getLogger(BenchMutualAid.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final boolean postgres;

	BenchMutualAid(JdbcClient jdbc, TransactionTemplate tx, Clock clock, DataSource dataSource) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.postgres = Databases.isPostgres(dataSource);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!postgres) {
			log.warn("基准测试医疗互助数据只在 PostgreSQL 上生成");
			return;
		}
		int year = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		Long plan = jdbc.sql("select id from care_mutualaid_plan where plan_year = :y").param("y", year)
			.query(Long.class).optional().orElse(null);
		if (plan == null || jdbc.sql("select target from care_mutualaid_plan where id = :p").param("p", plan)
			.query(Integer.class).single() == TARGET) {
			return;
		}
		long started = System.nanoTime();
		tx.executeWithoutResult(s -> seed(plan));
		log.info("演示数据：基准测试医疗互助参保 {} 人（目标 {} 人），用时 {} 毫秒",
				jdbc.sql("select count(*) from care_mutualaid_enrolment where plan_id = :p").param("p", plan)
					.query(Long.class).single(),
				TARGET, Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void seed(long plan) {
		int target = jdbc.sql("select target from care_mutualaid_plan where id = :p").param("p", plan)
			.query(Integer.class).single();
		int factor = TARGET / target;
		jdbc.sql("update care_mutualaid_target set target = target * :f where plan_id = :p").param("f", factor)
			.param("p", plan).update();
		jdbc.sql("update care_mutualaid_plan set target = :t, version = version + 1 where id = :p").param("t", TARGET)
			.param("p", plan).update();
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		long enrolled = jdbc.sql("select count(*) from care_mutualaid_enrolment where plan_id = :p").param("p", plan)
			.query(Long.class).single();
		// people in service not enrolled yet, in an order that mixes the organs (id * a prime, modulo)
		jdbc.sql("""
				insert into care_mutualaid_enrolment (plan_id, person_id, organ_id, source, enrolled_by_account_id, enrolled_at)
				select :plan, p.id, p.organ_id, 'LIST', :a, cast(:at as timestamp with time zone)
				from person p
				where p.active and p.employment_status = 'IN_SERVICE' and p.organ_id is not null
				  and not exists (select 1 from care_mutualaid_enrolment e where e.plan_id = :plan and e.person_id = p.id)
				order by (p.id * 7919) % 100003
				limit :n""")
			.param("plan", plan).param("a", admin).param("at", OffsetDateTime.now(clock).minusDays(10))
			.param("n", Math.max(0, TARGET - enrolled)).update();
		jdbc.sql("analyze care_mutualaid_enrolment").update();
		jdbc.sql("analyze care_mutualaid_target").update();
	}
}
