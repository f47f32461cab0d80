package org.quntuan.notification;

import java.nio.charset.StandardCharsets;

import org.quntuan.platform.Texts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Mail, sent only when {@code quntuan.notifications.email.enabled=true} and a
 * mail server is configured (Spring Boot creates the sender only with {@code spring.mail.host}), and
 * only to recipients whose address is known.
 */
@Component
class EmailChannel implements NotificationChannel {

	private final ObjectProvider<JavaMailSender> mail;

	private final NotificationSettings settings;

	EmailChannel(ObjectProvider<JavaMailSender> mail, NotificationSettings settings) {
		this.mail = mail;
		this.settings = settings;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public DeliveryStatus deliver(OutgoingMessage message) {
		JavaMailSender sender = mail.getIfAvailable();
		String to = message.recipient().email();
		if (!settings.email().enabled() || sender == null || to == null || to.isBlank()) {
			return DeliveryStatus.SKIPPED;
		}
		String link = settings.absolute(message.link());
		sender.send(mime -> {
			MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
			helper.setFrom(settings.email().from());
			helper.setTo(to);
			helper.setSubject(message.title());
			helper.setText(link == null ? message.body() : Texts.chinese("notification.email.with-link", message.body(), link));
		});
		return DeliveryStatus.SENT;
	}
}
