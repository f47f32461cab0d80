package org.quntuan.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The day before an activity, everyone with a confirmed seat is reminded. The event key names the
 * activity and the day, so a second run (or a second node) reminds nobody twice.
 */
@Component
public class ActivityReminders {

	private final JdbcClient jdbc;

	private final ActivityRepository activities;

	private final ActivityNotifications notices;

	private final Clock clock;

	ActivityReminders(JdbcClient jdbc, ActivityRepository activities, ActivityNotifications notices, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.notices = notices;
		this.clock = clock;
	}

	/** @return how many activities were reminded of */
	@Scheduled(cron = "${quntuan.jobs.activity-reminders:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "activity-reminders")
	public Integer remindTomorrow() {
		LocalDate tomorrow = LocalDate.now(clock.withZone(Zones.BUSINESS)).plusDays(1);
		OffsetDateTime from = tomorrow.atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		List<Long> ids = jdbc.sql("""
				select id from activity where status = 'PUBLISHED' and start_at >= :from and start_at < :to order by id""")
			.param("from", from).param("to", from.plusDays(1)).query(Long.class).list();
		for (long id : ids) {
			ActivityRow a = activities.find(id).orElseThrow();
			List<Long> people = activities.withStatus(id, RegistrationStatus.CONFIRMED).stream()
				.map(RegistrationRow::personId).toList();
			if (!people.isEmpty()) {
				notices.send("activity-" + id + "-remind-" + tomorrow, "activity-reminder", a, people);
			}
		}
		return ids.size();
	}
}
