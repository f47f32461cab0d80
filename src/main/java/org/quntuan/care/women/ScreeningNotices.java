package org.quntuan.care.women;

import java.util.List;

import org.quntuan.identity.PersonAccounts;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.springframework.stereotype.Component;

/** Tells a woman that she moved up from the wait list or that her result is recorded (never which result). */
@Component
class ScreeningNotices {

	private final PersonAccounts accounts;

	private final Notifications notifications;

	ScreeningNotices(PersonAccounts accounts, Notifications notifications) {
		this.accounts = accounts;
		this.notifications = notifications;
	}

	void promoted(ScreeningRepository.SignupRow s, ScreeningRepository.ScreeningRow screening) {
		Long account = accounts.accountsOf(List.of(s.personId())).get(s.personId());
		if (account != null) {
			notifications.send(NotificationRequest.of("care-women-promoted-" + s.id() + "-" + s.version(),
					"care-women-promoted", List.of(account), screening.title(), screening.startsOn().toString(),
					screening.endsOn().toString())
				.withLink("/women/signups/" + s.id())
				.via(Channel.INBOX, Channel.SMS));
		}
	}

	void resultReady(ScreeningRepository.SignupRow s, ScreeningRepository.ScreeningRow screening) {
		Long account = accounts.accountsOf(List.of(s.personId())).get(s.personId());
		if (account != null) {
			notifications.send(NotificationRequest.of("care-women-result-" + s.id() + "-" + s.version(),
					"care-women-result", List.of(account), screening.title())
				.withLink("/women/signups/" + s.id()));
		}
	}
}
