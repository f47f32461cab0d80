package org.quntuan.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.Zones;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning, reminds the owners of open resolutions due within {@value #DAYS_AHEAD} days or
 * overdue. The event key holds the day, so a second run that day (another node, a retry) tells
 * nobody twice, and an overdue item is reminded again the next day.
 */
@Component
public class ResolutionReminders {

	static final int DAYS_AHEAD = 3;

	private final MeetingRepository meetings;

	private final GovernanceContacts contacts;

	private final Notifications notifications;

	private final Clock clock;

	ResolutionReminders(MeetingRepository meetings, GovernanceContacts contacts, Notifications notifications,
			Clock clock) {
		this.meetings = meetings;
		this.contacts = contacts;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** @return how many resolutions were reminded (owners with an account) */
	@Scheduled(cron = "${quntuan.jobs.resolution-reminders:0 30 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "resolution-reminders")
	public Integer remind() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		List<MeetingRepository.ResolutionRow> due = meetings.openDueBy(today.plusDays(DAYS_AHEAD));
		Map<Long, Long> accounts = contacts.accountsOfPeople(due.stream().map(MeetingRepository.ResolutionRow::ownerId).toList());
		int sent = 0;
		for (MeetingRepository.ResolutionRow r : due) {
			Long account = accounts.get(r.ownerId());
			if (account == null) {
				continue;
			}
			boolean overdue = r.dueDate().isBefore(today);
			notifications.send(NotificationRequest.of(
					"resolution-" + r.id() + (overdue ? "-overdue-" : "-due-") + today,
					overdue ? "resolution-overdue" : "resolution-due", List.of(account), r.content(),
					r.dueDate().toString(), r.meetingTitle())
				.withLink("/meetings/" + r.meetingId()));
			sent++;
		}
		return sent;
	}
}
