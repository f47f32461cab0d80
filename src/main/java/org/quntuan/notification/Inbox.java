package org.quntuan.notification;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own inbox; nobody reads or marks another's. */
@Service
class Inbox {

	private final NotificationRepository repository;

	private final CurrentUserProvider users;

	private final Clock clock;

	Inbox(NotificationRepository repository, CurrentUserProvider users, Clock clock) {
		this.repository = repository;
		this.users = users;
		this.clock = clock;
	}

	private long me() {
		return users.current().accountId();
	}

	@Transactional(readOnly = true)
	PageResult<InboxItem> list(boolean unreadOnly, PageRequest page) {
		long me = me();
		return PageResult.of(repository.inbox(me, unreadOnly, page.offset(), page.size()), page,
				repository.count(me, unreadOnly));
	}

	long unread() {
		return repository.count(me(), true);
	}

	long unreadOf(long accountId) {
		return repository.count(accountId, true);
	}

	/** Marks one of the caller's notifications read (again is harmless); 404 for any other. */
	@Transactional
	InboxItem markRead(long id) {
		long me = me();
		repository.find(id, me).orElseThrow(NotFoundException::new);
		repository.markRead(id, me, OffsetDateTime.now(clock));
		return repository.find(id, me).orElseThrow(NotFoundException::new);
	}

	@Transactional
	int markAllRead() {
		return repository.markAllRead(me(), OffsetDateTime.now(clock));
	}
}
