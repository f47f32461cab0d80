package org.quntuan.governance;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.platform.Zones;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * In the fourth quarter, every morning, reminds the admins of the orgs that have not reported this
 * year. The event key holds the day: once a day per org, however many nodes run it.
 */
@Component
public class AnnualReportReminders {

	private final AnnualReports reports;

	private final Clock clock;

	AnnualReportReminders(AnnualReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	/** @return how many orgs were reminded (0 outside October to December) */
	@Scheduled(cron = "${quntuan.jobs.annual-report-reminders:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "annual-report-reminders")
	public Integer remind() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (today.getMonthValue() < 10) {
			return 0;
		}
		return reports.remindAllUnreported(today.getYear());
	}
}
