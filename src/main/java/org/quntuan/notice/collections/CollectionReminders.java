package org.quntuan.notice.collections;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.notice.shared.CollectionText;
import org.quntuan.platform.Zones;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds target orgs of material collection, once a day across nodes: a day before the deadline
 * those that have not submitted (or were returned), and for two weeks after it the overdue ones. The
 * event keys carry the date, so a second run on the same day (another node, a restart) sends nothing.
 */
@Component
public class CollectionReminders {

	static final Duration BEFORE = Duration.ofDays(1);

	static final Duration OVERDUE_FOR = Duration.ofDays(14);

	private final CollectionRepository repository;

	private final CollectionTasks collections;

	private final Clock clock;

	CollectionReminders(CollectionRepository repository, CollectionTasks collections, Clock clock) {
		this.repository = repository;
		this.collections = collections;
		this.clock = clock;
	}

	/** Returns how many target orgs were reminded (before the deadline plus overdue). */
	@Scheduled(cron = "${quntuan.jobs.collection-reminders:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "collection-reminders")
	public Integer remind() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = now.atZoneSameInstant(Zones.BUSINESS).toLocalDate();
		int reminded = 0;
		for (CollectionTask task : repository.withDeadlineBetween(now, now.plus(BEFORE))) {
			List<Long> orgs = repository.targetsToRemind(task.id());
			collections.notify("collection-" + task.id() + "-remind-" + today, "collection-remind", orgs, task.id(),
					task.title(), CollectionText.time(task.deadline()));
			reminded += orgs.size();
		}
		for (CollectionTask task : repository.withDeadlineBetween(now.minus(OVERDUE_FOR), now)) {
			List<Long> orgs = repository.targetsToRemind(task.id());
			collections.notify("collection-" + task.id() + "-overdue-" + today, "collection-overdue", orgs, task.id(),
					task.title(), CollectionText.time(task.deadline()));
			reminded += orgs.size();
		}
		return reminded;
	}
}
