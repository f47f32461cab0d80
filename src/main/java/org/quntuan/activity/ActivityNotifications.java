package org.quntuan.activity;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.quntuan.identity.PersonAccounts;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * Tells people what happened to their registration. Sent inside the deciding transaction: the
 * notification rows roll back with it, and nothing goes out before the commit.
 */
@Component
class ActivityNotifications {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final Notifications notifications;

	private final PersonAccounts accounts;

	ActivityNotifications(Notifications notifications, PersonAccounts accounts) {
		this.notifications = notifications;
		this.accounts = accounts;
	}

	static String when(ActivityRow a) {
		return a.startAt().atZoneSameInstant(Zones.BUSINESS).format(WHEN);
	}

	/** @param eventKey unique for the event, so a retry notifies nobody twice */
	void send(String eventKey, String template, ActivityRow a, Collection<Long> personIds, Object... more) {
		Map<Long, Long> byPerson = accounts.accountsOf(personIds);
		if (byPerson.isEmpty()) {
			return;
		}
		Object[] args = new Object[3 + more.length];
		args[0] = a.title();
		args[1] = when(a);
		args[2] = a.place();
		System.arraycopy(more, 0, args, 3, more.length);
		notifications.send(NotificationRequest.of(eventKey, template, List.copyOf(byPerson.values()), args)
			.withLink("/activities/" + a.id()));
	}
}
