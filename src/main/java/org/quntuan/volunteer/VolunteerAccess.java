package org.quntuan.volunteer;

import org.quntuan.member.MemberQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with volunteers, the only place such a rule lives. A registration and the
 * hours of a person are for the person and the admins who administer them (their organ's union, the 片组
 * above, the federation); to anyone else they do not exist (404). Those admins decide registrations and
 * check hours, never their own (403).
 */
@Component
class VolunteerAccess {

	private final CurrentUserProvider users;

	private final MemberQueries members;

	private final VolunteerRepository repository;

	VolunteerAccess(CurrentUserProvider users, MemberQueries members, VolunteerRepository repository) {
		this.users = users;
		this.members = members;
		this.repository = repository;
	}

	CurrentUser user() {
		return users.current();
	}

	/** The people whose volunteering the caller administers (none for callers who administer nobody). */
	SqlCondition administered() {
		return members.administeredPeople("vAdm");
	}

	boolean administers(long personId) {
		return users.current().scope().isAdmin() && repository.personIn(personId, administered());
	}

	/** 404 unless the caller is the person or administers them. */
	void requireSeen(long personId) {
		if (!users.current().isSelf(personId) && !administers(personId)) {
			throw new NotFoundException();
		}
	}

	/** Deciding or checking for the person: 404 out of reach, 403 for one's own, 403 for who sees but administers not. */
	void requireChecker(long personId, String ownKey) {
		requireSeen(personId);
		if (users.current().isSelf(personId)) {
			throw new ForbiddenException(ownKey);
		}
	}
}
