package org.quntuan.member.union;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.quntuan.member.PersonLeft;
import org.quntuan.member.UnionStatus;
import org.quntuan.platform.CurrentUserProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A person who leaves the organs (调离) leaves the union with them (the people module's step): the change
 * is written to their union history in the same transaction, so the history explains every status.
 */
@Component
class UnionLeavers {

	private final UnionRepository repository;

	private final CurrentUserProvider users;

	private final Clock clock;

	UnionLeavers(UnionRepository repository, CurrentUserProvider users, Clock clock) {
		this.repository = repository;
		this.users = users;
		this.clock = clock;
	}

	@EventListener
	void left(PersonLeft e) {
		if (e.unionStatusBefore().equals(e.unionStatusAfter())) {
			return;
		}
		repository.history(e.personId(), UnionStatus.valueOf(e.unionStatusBefore()), UnionStatus.valueOf(e.unionStatusAfter()),
				e.effectiveDate(), repository.unionOf(e.organId()), e.reason(), users.current().accountId(),
				OffsetDateTime.now(clock));
	}
}
