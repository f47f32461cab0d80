package org.quntuan.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day (once across nodes), reminds the approvers of steps due within a day or overdue. The
 * event key carries the date, so a second run on the same day reminds nobody twice.
 */
@Component
public class ApprovalReminders {

	private record Open(long approvalId, String title, String stepName, OffsetDateTime dueAt, long accountId) {
	}

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Clock clock;

	ApprovalReminders(JdbcClient jdbc, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** @return how many approvals were reminded of */
	@Scheduled(cron = "${quntuan.jobs.approval-reminders:0 0 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "approval-reminders")
	@Transactional
	public Integer remind() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.BUSINESS);
		List<Open> open = jdbc.sql("select a.id, a.title, s.name, x.due_at, x.account_id from approval_assignee x"
				+ " join approval a on a.id = x.approval_id join approval_step s on s.id = x.step_id"
				+ " where x.open = true and x.due_at < :soon order by a.id")
			.param("soon", now.plusDays(1))
			.query((rs, i) -> new Open(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getLong(5)))
			.list();
		Map<Long, List<Open>> byApproval = new LinkedHashMap<>();
		open.forEach(o -> byApproval.computeIfAbsent(o.approvalId(), k -> new ArrayList<>()).add(o));
		OffsetDateTime startOfDay = today.atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		int[] reminded = { 0 };
		byApproval.forEach((id, rows) -> {
			boolean remindedToday = jdbc.sql("select count(*) from approval_event where approval_id = :a"
					+ " and action = 'REMINDED' and at >= :start")
				.param("a", id).param("start", startOfDay).query(Long.class).single() > 0;
			if (remindedToday) {
				return;
			}
			Open first = rows.get(0);
			boolean overdue = first.dueAt().isBefore(now);
			notifications.send(NotificationRequest.of("approval-" + id + "-remind-" + today,
					overdue ? "approval-overdue" : "approval-due-soon", rows.stream().map(Open::accountId).toList(),
					first.title(), first.stepName(), first.dueAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate().toString())
				.withLink("/approvals/" + id));
			jdbc.sql("insert into approval_event (approval_id, action, actor_name, comment, at)"
					+ " values (:a, 'REMINDED', '系统', :c, :now)")
				.param("a", id).param("c", Texts.chinese(overdue ? "approval.reminder.overdue" : "approval.reminder.due-soon")).param("now", now).update();
			reminded[0]++;
		});
		return reminded[0];
	}
}
