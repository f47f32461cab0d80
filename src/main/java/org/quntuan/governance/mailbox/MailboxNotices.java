package org.quntuan.governance.mailbox;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.quntuan.governance.GovernanceContacts;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is told what about a letter. No notification names the writer: the office learns the category and
 * the day to answer by, the writer learns that the answer came.
 */
@Component
class MailboxNotices {

	private final GovernanceContacts contacts;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	MailboxNotices(GovernanceContacts contacts, Notifications notifications, JdbcClient jdbc) {
		this.contacts = contacts;
		this.notifications = notifications;
		this.jdbc = jdbc;
	}

	/** The accounts that answer the letter: the union's admins; the work committee's for its own or escalated letters. */
	Set<Long> office(LetterRepository.LetterRow l) {
		return office(l.officeOrgId(), l.toFederation(), l.escalated());
	}

	private Set<Long> office(long officeOrgId, boolean toFederation, boolean escalated) {
		Set<Long> accounts = new LinkedHashSet<>();
		if (!toFederation) {
			accounts.addAll(contacts.orgAdmins(List.of(officeOrgId)).getOrDefault(officeOrgId, Set.of()));
		}
		if (toFederation || escalated) {
			accounts.addAll(contacts.federationAdmins());
		}
		return accounts;
	}

	String accountName(long accountId) {
		return jdbc.sql("select display_name from account_name where id = :id").param("id", accountId)
			.query(String.class).single();
	}

	void received(long id, boolean toFederation, long officeOrgId, LetterCategory category, LocalDate dueOn) {
		send("mailbox-letter-received-" + id, "mailbox-letter-received", office(officeOrgId, toFederation, false), id,
				category.label(), dueOn.toString());
	}

	void assigned(LetterRepository.LetterRow l, long accountId) {
		send("mailbox-letter-assigned-" + l.id() + "-" + l.version(), "mailbox-letter-assigned", Set.of(accountId), l.id(),
				l.category().label(), l.dueOn().toString());
	}

	void replied(LetterRepository.LetterRow l) {
		Long writer = contacts.accountsOfPeople(List.of(l.writerPersonId())).get(l.writerPersonId());
		if (writer != null) {
			send("mailbox-letter-replied-" + l.id(), "mailbox-letter-replied", Set.of(writer), l.id(), l.category().label(),
					l.officeName());
		}
	}

	void rated(LetterRepository.LetterRow l, int score) {
		send("mailbox-letter-rated-" + l.id(), "mailbox-letter-rated", office(l), l.id(), l.category().label(), score);
	}

	/** Before the day: the assignee, or the office while nobody is assigned. */
	void due(LetterRepository.LetterRow l) {
		Set<Long> to = l.assigneeAccountId() != null ? Set.of(l.assigneeAccountId()) : office(l);
		send("mailbox-letter-due-" + l.id(), "mailbox-letter-due", to, l.id(), l.category().label(), l.dueOn().toString());
	}

	/** Past the day: the work committee takes it up, and the office is told. */
	void escalated(LetterRepository.LetterRow l) {
		Set<Long> to = office(l.officeOrgId(), l.toFederation(), true);
		send("mailbox-letter-overdue-" + l.id(), "mailbox-letter-overdue", to, l.id(), l.category().label(),
				l.officeName(), l.dueOn().toString());
	}

	private void send(String key, String template, Set<Long> accounts, long id, Object... args) {
		if (accounts.isEmpty()) {
			return;
		}
		Object[] all = new Object[args.length + 1];
		all[0] = String.valueOf(id);
		System.arraycopy(args, 0, all, 1, args.length);
		notifications.send(NotificationRequest.of(key, template, accounts, all).withLink("/mailbox/letters/" + id));
	}
}
