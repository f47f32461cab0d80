package org.quntuan.platform.jobs;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (reminders, deadlines) run on every node but do their work once: each job method
 * carries {@code @SchedulerLock(name = "…")} next to {@code @Scheduled}, and the lock is a row of the
 * {@code shedlock} table, timed by the database clock so that nodes with drifting clocks agree.
 * <p>
 * Cron expressions come from properties with a default ({@code ${quntuan.jobs.xxx:0 0 8 * * *}}); the
 * test profile turns scheduling off ({@code quntuan.jobs.enabled=false}) and tests call the job
 * methods directly, so that no job fires in the middle of a test.
 * <p>
 * A job method returns nothing or an object ({@code Integer}, not {@code int}): on a node without the
 * lock ShedLock answers {@code null}, and it refuses a primitive at every firing ({@code ScheduledJobsTest}).
 * <p>
 * The lock's advice comes first (outside the transaction and {@link JobRuns}), so a node that does
 * not get the lock neither opens a transaction nor counts a run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "quntuan.jobs.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", order = Ordered.LOWEST_PRECEDENCE - 100)
class SchedulingConfig {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}
}
