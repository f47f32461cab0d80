package org.quntuan.notice.forms;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.identity.RoleHolders;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.Role;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the admins of target orgs that have not submitted a form whose deadline is near (within
 * {@code quntuan.forms.remind-before}, 2 days by default). Runs once across nodes (ShedLock); the
 * event key holds the business date, so a second run on the same day notifies nobody twice.
 */
@Component
public class FormReminders {

	private final FormRepository forms;

	private final RoleHolders holders;

	private final Notifications notifications;

	private final Clock clock;

	private final Duration before;

	FormReminders(FormRepository forms, RoleHolders holders, Notifications notifications, Clock clock,
			@Value("${quntuan.forms.remind-before:P2D}") Duration before) {
		this.forms = forms;
		this.holders = holders;
		this.notifications = notifications;
		this.clock = clock;
		this.before = before;
	}

	/** @return how many (form, org) pairs were reminded */
	@Scheduled(cron = "${quntuan.jobs.form-reminders:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "form-reminders")
	public Integer remindDueSoon() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.BUSINESS);
		List<FormRepository.ResponseRow> due = forms.unsubmittedDueBetween(now, now.plus(before));
		Map<Long, List<Long>> admins = holders.accountsWithRole(Role.ORG_ADMIN, due.stream().map(FormRepository.ResponseRow::orgId).distinct()
			.toList());
		Map<Long, Set<Long>> perForm = new LinkedHashMap<>();
		for (FormRepository.ResponseRow r : due) {
			perForm.computeIfAbsent(r.formId(), k -> new LinkedHashSet<>()).addAll(admins.getOrDefault(r.orgId(), List.of()));
		}
		for (Map.Entry<Long, Set<Long>> e : perForm.entrySet()) {
			if (e.getValue().isEmpty()) {
				continue;
			}
			FormRepository.FormRow form = forms.find(e.getKey()).orElseThrow();
			notifications.send(NotificationRequest.of("form-" + form.id() + "-remind-" + today, "form-reminder",
					e.getValue(), form.title(), FormExport.time(form.deadline())).withLink("/forms"));
		}
		return due.size();
	}
}
