package org.quntuan.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.approval.ApproverDirectory;
import org.quntuan.approval.ApproverRule;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.Role;
import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the org admin and the superior of a term that ends within three months (once per team)
 * and, once a month, of a term that has ended, as long as no re-election is under way. The event
 * keys make a second run, on this node or another, notify nobody twice.
 */
@Component
public class ReelectionReminders {

	private static final Logger log = LoggerFactory.getLogger(ReelectionReminders.class);

	private record Due(long teamId, long orgId, String orgName, String path, LocalDate termEnd) {
	}

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final ObjectProvider<ApproverDirectory> directory;

	private final Clock clock;

	ReelectionReminders(JdbcClient jdbc, Notifications notifications, ObjectProvider<ApproverDirectory> directory,
			Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.directory = directory;
		this.clock = clock;
	}

	/** @return the number of orgs whose admins and superiors were reminded in this run (sent before or not) */
	@Scheduled(cron = "${quntuan.jobs.reelection-reminders:0 30 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "reelection-reminders")
	public Integer remind() {
		ApproverDirectory approvers = directory.getIfAvailable();
		if (approvers == null) {
			log.warn("换届提醒：没有可用的审批人目录，跳过");
			return 0;
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		List<Due> due = jdbc.sql("""
				select t.id, o.id as org_id, o.name, o.path, t.term_end
				from leadership_team t
				join org o on o.id = t.current_org_id
				left join reelection r on r.open_org_id = o.id
				where o.active = true and r.id is null and t.term_end <= :horizon
				order by t.term_end, o.id""")
			.param("horizon", today.plusMonths(ReelectionBoard.DUE_MONTHS))
			.query((rs, i) -> new Due(rs.getLong("id"), rs.getLong("org_id"), rs.getString("name"),
					rs.getString("path"), rs.getObject("term_end", LocalDate.class)))
			.list();
		String month = today.format(DateTimeFormatter.ofPattern("yyyy-MM"));
		int reminded = 0;
		for (Due d : due) {
			Set<Long> recipients = new LinkedHashSet<>();
			approvers.resolve(new ApproverRule(Role.ORG_ADMIN, ApproverRule.Reach.ORG_ITSELF), d.path(), Set.of())
				.ifPresent(a -> recipients.addAll(a.accountIds()));
			approvers.resolve(ApproverRule.superior(Role.ORG_ADMIN), d.path(), Set.of())
				.ifPresent(a -> recipients.addAll(a.accountIds()));
			if (recipients.isEmpty()) {
				continue;
			}
			boolean overdue = d.termEnd().isBefore(today);
			String key = overdue ? "reelection-overdue-" + d.teamId() + "-" + month : "reelection-due-" + d.teamId();
			notifications.send(NotificationRequest.of(key, overdue ? "reelection-overdue" : "reelection-due", recipients,
					d.orgName(), d.termEnd().toString()).withLink("/orgs/" + d.orgId()));
			reminded++;
		}
		return reminded;
	}
}
