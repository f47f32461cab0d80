package org.quntuan.notification;

import org.quntuan.platform.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stands in for an SMS gateway until one is contracted: writes the message to the log with the
 * number masked. Any other {@link NotificationChannel} bean for SMS takes precedence over it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class LoggingSmsChannel implements NotificationChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

	/** The text itself only where asked for (the demo profile): it may hold a one-time code. */
	private final boolean logContent;

	LoggingSmsChannel(@org.springframework.beans.factory.annotation.Value("${quntuan.notifications.sms.log-content:false}") boolean logContent) {
		this.logContent = logContent;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public DeliveryStatus deliver(OutgoingMessage message) {
		String mobile = message.recipient().mobile();
		if (mobile == null || mobile.isBlank()) {
			return DeliveryStatus.SKIPPED;
		}
		log.info("短信（开发环境仅记录日志）→ {}：{}", Masking.keepHeadAndTail(mobile),
				logContent ? message.body() : message.title());
		return DeliveryStatus.LOGGED;
	}
}
