package org.quntuan.learning.materials;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.identity.PersonAccounts;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the people of an assignment's audience who have not completed all its materials, two days
 * ({@code quntuan.learning.remind-before}) before its due date. Runs once across nodes (ShedLock); the
 * event key names the assignment only, so each person is reminded once, however often the job runs.
 */
@Component
public class LearningReminders {

	private final AssignmentRepository assignments;

	private final PersonAccounts accounts;

	private final Notifications notifications;

	private final Clock clock;

	private final Duration before;

	LearningReminders(AssignmentRepository assignments, PersonAccounts accounts, Notifications notifications, Clock clock,
			@Value("${quntuan.learning.remind-before:P2D}") Duration before) {
		this.assignments = assignments;
		this.accounts = accounts;
		this.notifications = notifications;
		this.clock = clock;
		this.before = before;
	}

	/** @return how many people were reminded (or had been already, on a rerun) */
	@Scheduled(cron = "${quntuan.jobs.learning-reminders:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "learning-reminders")
	public Integer remindDueSoon() {
		LocalDate due = LocalDate.now(clock.withZone(Zones.BUSINESS)).plusDays(before.toDays());
		int reminded = 0;
		for (AssignmentRepository.AssignmentRow a : assignments.dueOn(due)) {
			int required = assignments.materialIds(a.id()).size();
			List<Long> people = assignments.progress(a.id(), SqlCondition.ALL).stream()
				.filter(p -> p.completed() < required).map(AssignmentRepository.PersonProgress::personId).toList();
			Collection<Long> recipients = accounts.accountsOf(people).values();
			if (!recipients.isEmpty()) {
				notifications.send(NotificationRequest.of("learning-assignment-" + a.id() + "-due", "learning-due",
						recipients, a.title(), a.dueDate().toString()).withLink("/learning"));
			}
			reminded += recipients.size();
		}
		return reminded;
	}
}
