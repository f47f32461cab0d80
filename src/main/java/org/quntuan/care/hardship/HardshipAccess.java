package org.quntuan.care.hardship;

import org.quntuan.member.MemberQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with hardship data, the only place such a rule lives. An entry and the
 * subsidies of a person are for the person, the admins who administer the person (their org's admins,
 * the 片组 above) and the federation; to anyone else they do not exist (404). Auditors read the payouts
 * in the journal, never the household details. Keeping the register (entries, reviews) is for those
 * admins only; a subsidy is applied for by the person or by such an admin for them.
 */
@Component
class HardshipAccess {

	private final CurrentUserProvider users;

	private final MemberQueries members;

	private final HardshipRepository repository;

	HardshipAccess(CurrentUserProvider users, MemberQueries members, HardshipRepository repository) {
		this.users = users;
		this.members = members;
		this.repository = repository;
	}

	CurrentUser user() {
		return users.current();
	}

	/** The people whose hardship data the caller sees: those they administer, and themselves. */
	SqlCondition seen() {
		CurrentUser user = users.current();
		SqlCondition administered = members.administeredPeople("hsAdm");
		return user.personId() == null ? administered
				: administered.or(SqlCondition.of("p.id = :hsSelf", "hsSelf", user.personId()));
	}

	/** The people the caller keeps the register for. */
	SqlCondition kept() {
		return members.administeredPeople("hsAdm");
	}

	boolean keeps(long personId) {
		return users.current().scope().isAdmin() && repository.personIn(personId, kept());
	}

	/** 404 unless the caller sees the person's hardship data. */
	void requireSeen(long personId) {
		if (!users.current().isSelf(personId) && !keeps(personId)) {
			throw new NotFoundException();
		}
	}

	/** 403 for callers who keep no register at all. */
	void requireKeeper() {
		if (!users.current().scope().isAdmin()) {
			throw new ForbiddenException("hardship.error.keepers-only");
		}
	}

	/** The register of a person: 403 for callers who keep no register, 404 for a person out of reach. */
	void requireKept(long personId) {
		if (!users.current().scope().isAdmin()) {
			throw new ForbiddenException("hardship.error.keepers-only");
		}
		if (!repository.personIn(personId, kept())) {
			throw new NotFoundException();
		}
	}

	/** Who may apply for a person: the person, or an admin who administers them (403 / 404 otherwise). */
	void requireMayApplyFor(long personId) {
		if (users.current().isSelf(personId)) {
			return;
		}
		requireKept(personId);
	}
}
