package org.quntuan.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys older than a day are forgotten (hourly, on one node). A bean of its own: a job's
 * advice would proxy the filter {@link IdempotencyKeys}, and a proxied filter does not start.
 */
@Component
public class IdempotencyKeyCleanup {

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyKeyCleanup(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${quntuan.jobs.idempotency-cleanup:0 23 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "idempotency-cleanup")
	public Integer forgetOldKeys() {
		return jdbc.sql("delete from idempotency_key where created_at < :before")
			.param("before", OffsetDateTime.now(clock).minus(Duration.ofDays(1))).update();
	}
}
