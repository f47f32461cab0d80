package org.quntuan.notification;

/**
 * Delivers notifications over one channel other than the inbox (the inbox needs no delivery: the
 * stored notification is the message). Where several beans serve the same channel, the one with
 * the highest precedence ({@code @Order}) is used, so a real SMS gateway replaces the logging one
 * by being declared.
 */
public interface NotificationChannel {

	Channel channel();

	/**
	 * Sends one message; called after the notification is committed, at most once per stored row.
	 *
	 * @return {@link DeliveryStatus#SENT}, {@link DeliveryStatus#LOGGED} or {@link DeliveryStatus#SKIPPED};
	 * throwing marks the row {@link DeliveryStatus#FAILED}
	 */
	DeliveryStatus deliver(OutgoingMessage message);
}
