package org.quntuan.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stands in for WeChat template messages until the official account is connected: writes the
 * message to the log. Any other {@link NotificationChannel} bean for WeChat takes precedence.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class LoggingWechatChannel implements NotificationChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingWechatChannel.class);

	@Override
	public Channel channel() {
		return Channel.WECHAT;
	}

	@Override
	public DeliveryStatus deliver(OutgoingMessage message) {
		log.info("微信（开发环境仅记录日志）→ 账号 {}：{}", message.recipient().accountId(), message.title());
		return DeliveryStatus.LOGGED;
	}
}
