package org.quntuan.notification;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Renders a template from the message bundles ({@code notification.<template>.title} and
 * {@code .body}). Always in Chinese for now, whatever the sender's locale: the text is stored and
 * read later by someone else.
 */
@Component
class NotificationTemplates {

	static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 2000;

	record Rendered(String title, String body) {
	}

	private final MessageSource messages;

	NotificationTemplates(MessageSource messages) {
		this.messages = messages;
	}

	Rendered render(String template, List<Object> arguments) {
		Object[] args = arguments.toArray();
		try {
			return new Rendered(truncate(messages.getMessage("notification." + template + ".title", args, LOCALE), MAX_TITLE),
					truncate(messages.getMessage("notification." + template + ".body", args, LOCALE), MAX_BODY));
		}
		catch (NoSuchMessageException ex) {
			throw new IllegalArgumentException("no notification template '" + template + "' in the message bundles", ex);
		}
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
