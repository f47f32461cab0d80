package org.quntuan.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends notifications. Each (event key, recipient, channel) is stored once: a unique constraint
 * decides between two nodes handling the same event, and the loser treats the duplicate as already
 * sent. Inside the caller's transaction the rows are written under a savepoint (so a duplicate does
 * not spoil that transaction, on PostgreSQL neither) and roll back with it; e-mail, SMS and WeChat go
 * out only after the commit, so nobody is told of something that did not happen.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final NotificationRepository repository;

	private final NotificationTemplates templates;

	private final ObjectProvider<RecipientDirectory> directory;

	private final Map<Channel, NotificationChannel> channels;

	private final TransactionTemplate savepoint;

	private final TransactionTemplate separate;

	private final Clock clock;

	Notifications(NotificationRepository repository, NotificationTemplates templates,
			ObjectProvider<RecipientDirectory> directory, ObjectProvider<NotificationChannel> channels,
			PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		this.templates = templates;
		this.directory = directory;
		// ordered: the first bean of a channel wins, so a real gateway replaces a logging one
		this.channels = new EnumMap<>(channels.orderedStream()
			.collect(Collectors.toMap(NotificationChannel::channel, Function.identity(), (first, later) -> first)));
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	private record Pending(long id, long recipient, Channel channel) {
	}

	public void send(NotificationRequest request) {
		NotificationTemplates.Rendered text = templates.render(request.template(), request.arguments());
		NotificationTemplates.Rendered stored = !request.secret() ? text
				: templates.render(request.template(), request.arguments().stream().map(a -> (Object) "******").toList());
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Pending> pending = new ArrayList<>();
		for (long recipient : request.recipientAccountIds()) {
			for (Channel channel : request.channels()) {
				DeliveryStatus initial = channel == Channel.INBOX ? DeliveryStatus.SENT : DeliveryStatus.PENDING;
				storeOnce(request, recipient, channel, stored, initial, now)
					.filter(id -> channel != Channel.INBOX)
					.ifPresent(id -> pending.add(new Pending(id, recipient, channel)));
			}
		}
		if (pending.isEmpty()) {
			return;
		}
		String link = request.link();
		String mobile = request.mobile();
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(pending, text, link, mobile);
				}
			});
		}
		else {
			deliver(pending, text, link, mobile);
		}
	}

	/** The new row's id, or empty when this event already notified this recipient on this channel. */
	private Optional<Long> storeOnce(NotificationRequest request, long recipient, Channel channel,
			NotificationTemplates.Rendered text, DeliveryStatus initial, OffsetDateTime now) {
		try {
			return Optional.of(savepoint.execute(s -> repository.insert(recipient, channel, request.eventKey(),
					request.template(), text.title(), text.body(), request.link(), initial, request.secret(), now)));
		}
		catch (DuplicateKeyException alreadySent) {
			return Optional.empty();
		}
	}

	private void deliver(List<Pending> pending, NotificationTemplates.Rendered text, String link, String mobile) {
		Map<Long, Recipient> recipients = recipients(pending.stream().map(Pending::recipient).toList());
		for (Pending p : pending) {
			Recipient recipient = recipients.get(p.recipient());
			if (recipient != null && mobile != null && p.channel() == Channel.SMS) {
				recipient = new Recipient(recipient.accountId(), recipient.displayName(), recipient.email(), mobile);
			}
			DeliveryStatus status = deliverOne(p.id(), p.channel(), recipient, text, link);
			separate.executeWithoutResult(s -> repository.delivered(p.id(), status, OffsetDateTime.now(clock)));
		}
	}

	/** The recipients' addresses by account id (none without a directory). */
	Map<Long, Recipient> recipients(List<Long> accountIds) {
		RecipientDirectory lookup = directory.getIfAvailable();
		return lookup == null ? Map.of()
				: lookup.find(accountIds.stream().distinct().toList())
					.stream()
					.collect(Collectors.toMap(Recipient::accountId, Function.identity(), (a, b) -> a));
	}

	DeliveryStatus deliverOne(long id, Channel on, Recipient recipient, NotificationTemplates.Rendered text,
			String link) {
		NotificationChannel channel = channels.get(on);
		if (channel == null || recipient == null) {
			return DeliveryStatus.SKIPPED;
		}
		try {
			return channel.deliver(new OutgoingMessage(id, recipient, text.title(), text.body(), link));
		}
		catch (RuntimeException ex) {
			log.warn("通知 {} 经{}发送失败：{}", id, on.label(), ex.toString());
			return DeliveryStatus.FAILED;
		}
	}
}
