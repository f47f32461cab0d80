package org.quntuan.care.mutualaid;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.identity.RoleHolders;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.Role;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Within the last month of a plan's enrolment window ({@code quntuan.care.mutual-aid.remind-before}, 30
 * days), reminds the admins of each organ (those of its union, else of the organ) whose enrolments are
 * below the plan's share of its target. Runs once across nodes (ShedLock); the event key names the plan
 * and the organ, so an organ is reminded once per plan however often the job runs.
 */
@Component
public class MutualAidReminders {

	private final MutualAidRepository plans;

	private final RoleHolders roles;

	private final Notifications notifications;

	private final Clock clock;

	private final Duration before;

	MutualAidReminders(MutualAidRepository plans, RoleHolders roles, Notifications notifications, Clock clock,
			@Value("${quntuan.care.mutual-aid.remind-before:P30D}") Duration before) {
		this.plans = plans;
		this.roles = roles;
		this.notifications = notifications;
		this.clock = clock;
		this.before = before;
	}

	/** @return how many organs were reminded (or had been already, on a rerun) */
	@Scheduled(cron = "${quntuan.jobs.mutual-aid-reminders:0 30 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "mutual-aid-reminders")
	public Integer remindOrgansBelowShare() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		int reminded = 0;
		for (MutualAidRepository.PlanRow plan : plans.closingWithin(today, today.plusDays(before.toDays()))) {
			List<MutualAidRepository.BoardRow> below = new ArrayList<>();
			for (MutualAidRepository.BoardRow r : plans.board(plan.id(), SqlCondition.ALL, Map.of())) {
				if (r.target() > 0 && r.enrolled() * 100 < (long) r.target() * plan.remindBelowPercent()) {
					below.add(r);
				}
			}
			Set<Long> organs = new HashSet<>();
			below.forEach(r -> organs.add(r.organId()));
			Map<Long, Long> unions = plans.unionsOf(organs);
			for (MutualAidRepository.BoardRow r : below) {
				Set<Long> recipients = new HashSet<>();
				Long union = unions.get(r.organId());
				if (union != null) {
					recipients.addAll(roles.accountsWithRole(Role.ORG_ADMIN, union));
				}
				recipients.addAll(roles.accountsWithRole(Role.ORG_ADMIN, r.organId()));
				if (recipients.isEmpty()) {
					continue;
				}
				notifications.send(NotificationRequest.of("care-mutualaid-" + plan.id() + "-below-" + r.organId(),
						"care-mutualaid-below", recipients, plan.title(), plan.enrolClosesOn().toString(), r.organName(),
						String.valueOf(r.enrolled()), String.valueOf(r.target()),
						String.valueOf(MutualAidViews.percent(r.enrolled(), r.target())))
					.withLink("/care/mutual-aid/" + plan.id())
					.via(Channel.INBOX, Channel.SMS));
				reminded++;
			}
		}
		return reminded;
	}
}
