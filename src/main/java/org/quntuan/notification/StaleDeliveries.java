package org.quntuan.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries a node left PENDING: it stored them, committed, and died before it sent them (or while
 * sending). Every few minutes one node sends those older than {@code quntuan.notifications.redeliver-after}
 * (10 minutes: far longer than any channel's timeout, so the node that stored them is not still at it).
 * The rows are taken with {@code for update skip locked} and marked in the same transaction, so two
 * nodes running this at once (ShedLock aside) still send each one once.
 */
@Component
class StaleDeliveries {

	private static final int BATCH = 200;

	private final NotificationRepository repository;

	private final Notifications notifications;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration after;

	StaleDeliveries(NotificationRepository repository, Notifications notifications,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${quntuan.notifications.redeliver-after:PT10M}") Duration after) {
		this.repository = repository;
		this.notifications = notifications;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.after = after;
	}

	/** @return how many deliveries were sent (or found undeliverable) */
	@Scheduled(cron = "${quntuan.jobs.notification-redelivery:0 */5 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "notification-redelivery")
	public Integer redeliver() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime before = now.minus(after);
		Integer sent = transaction.execute(tx -> {
			repository.skipStaleSecrets(before, now);
			List<NotificationRepository.Stale> stale = repository.lockStale(before, BATCH);
			if (stale.isEmpty()) {
				return 0;
			}
			Map<Long, Recipient> recipients = notifications
				.recipients(stale.stream().map(NotificationRepository.Stale::recipient).toList());
			for (NotificationRepository.Stale s : stale) {
				DeliveryStatus status = notifications.deliverOne(s.id(), s.channel(), recipients.get(s.recipient()),
						new NotificationTemplates.Rendered(s.title(), s.body()), s.link());
				repository.delivered(s.id(), status, OffsetDateTime.now(clock));
			}
			return stale.size();
		});
		return sent == null ? 0 : sent;
	}
}
