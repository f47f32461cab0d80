package org.quntuan.notification;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The SMS gateway of the tests: it keeps what it was asked to send, so that a test can read a
 * one-time code the way a person reads it on their phone (the database keeps no usable copy).
 */
@TestConfiguration(proxyBeanMethods = false)
public class CapturedTexts {

	/** One text as the phone received it. */
	public record Text(long accountId, String mobile, String title, String body) {
	}

	private static final List<Text> SENT = new CopyOnWriteArrayList<>();

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	NotificationChannel capturingSmsChannel() {
		return new NotificationChannel() {
			@Override
			public Channel channel() {
				return Channel.SMS;
			}

			@Override
			public DeliveryStatus deliver(OutgoingMessage message) {
				if (message.recipient().mobile() == null) {
					return DeliveryStatus.SKIPPED;
				}
				SENT.add(new Text(message.recipient().accountId(), message.recipient().mobile(), message.title(),
						message.body()));
				return DeliveryStatus.SENT;
			}
		};
	}

	/** How many texts with this title went to the account. */
	public static long count(long accountId, String title) {
		return SENT.stream().filter(t -> t.accountId() == accountId && t.title().equals(title)).count();
	}

	/** The newest text sent to an account. */
	public static Optional<Text> lastTo(long accountId) {
		for (int i = SENT.size() - 1; i >= 0; i--) {
			if (SENT.get(i).accountId() == accountId) {
				return Optional.of(SENT.get(i));
			}
		}
		return Optional.empty();
	}
}
