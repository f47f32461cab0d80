package org.quntuan.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param email e-mail goes out only when enabled here AND a mail server is configured
 * ({@code spring.mail.host}), so a node without one starts and runs normally
 * @param baseUrl the application's public address ("https://qt.example.gov.cn"), to turn links into
 * absolute ones in e-mails; without it e-mails carry no link
 */
@ConfigurationProperties("quntuan.notifications")
record NotificationSettings(@DefaultValue Email email, String baseUrl) {

	record Email(@DefaultValue("false") boolean enabled, @DefaultValue("noreply@localhost") String from) {
	}

	String absolute(String link) {
		if (link == null || baseUrl == null || baseUrl.isBlank()) {
			return null;
		}
		return baseUrl.replaceAll("/+$", "") + link;
	}
}
