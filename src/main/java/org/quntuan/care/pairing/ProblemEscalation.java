package org.quntuan.care.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.RoleHolders;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.Role;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning, escalates to the work committee the open problems of the pairs that passed their due date:
 * each is marked escalated once (the update holds only while it is not) and the work committee's admins are
 * notified, once per problem (the event key names it). Runs once across nodes (ShedLock).
 */
@Component
public class ProblemEscalation {

	private final ProblemRepository problems;

	private final RoleHolders roles;

	private final Notifications notifications;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	ProblemEscalation(ProblemRepository problems, RoleHolders roles, Notifications notifications, AuditLog audit,
			JdbcClient jdbc, Clock clock) {
		this.problems = problems;
		this.roles = roles;
		this.notifications = notifications;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** @return how many problems were escalated by this run */
	@Scheduled(cron = "${quntuan.jobs.pair-problem-escalation:0 10 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "pair-problem-escalation")
	public Integer escalateOverdue() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		List<Long> federation = roles.accountsWithRole(Role.FEDERATION_ADMIN, root());
		int escalated = 0;
		for (ProblemRepository.ProblemRow p : problems.overdueUnescalated(today)) {
			if (!problems.escalate(p.id(), now)) {
				continue;
			}
			escalated++;
			audit.record(AuditType.UPDATE, PairProblems.PROBLEM, p.id(), AuditLog.SUCCESS,
					Texts.chinese("pairing.audit.problem-escalated", p.organName(), p.partnerName(), p.description(),
							p.dueDate().toString()),
					p.organPath());
			if (!federation.isEmpty()) {
				notifications.send(NotificationRequest.of("care-pair-problem-" + p.id() + "-escalated",
						"care-pair-problem-escalated", federation, p.organName(), p.partnerName(), p.description(),
						p.owner(), p.dueDate().toString())
					.withLink("/care/pairing/problems/" + p.id())
					.via(Channel.INBOX));
			}
		}
		return escalated;
	}

	private long root() {
		return jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only").query(Long.class)
			.single();
	}
}
