package org.quntuan.governance.mailbox;

import java.util.List;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.OrgLevel;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who reads and answers which letters. The org admins of a union are its chair's office: they see, assign
 * and answer the letters to that union. The work committee's admins answer the letters to the federation and
 * take over the escalated (overdue) ones. The writer sees their own letters and rates the answer. To anyone
 * else a letter does not exist (404).
 */
@Component
class MailboxAccess {

	private final CurrentUserProvider users;

	private final LetterRepository letters;

	MailboxAccess(CurrentUserProvider users, LetterRepository letters) {
		this.users = users;
		this.letters = letters;
	}

	CurrentUser current() {
		return users.current();
	}

	/** The unions whose chair's office the caller is in. */
	static List<Long> unions(CurrentUser user) {
		return user.scope().grants().stream().filter(g -> g.role() == Role.ORG_ADMIN && g.orgType() == OrgLevel.UNION)
			.map(ScopeGrant::orgId).distinct().toList();
	}

	static boolean federation(CurrentUser user) {
		return user.scope().grants().stream().anyMatch(g -> g.role() == Role.FEDERATION_ADMIN && g.atRoot());
	}

	static boolean office(CurrentUser user) {
		return federation(user) || !unions(user).isEmpty();
	}

	/** The letters the caller's offices answer, over {@code gov_mailbox_letter l}. */
	SqlCondition board(CurrentUser user) {
		SqlCondition unions = unions(user).isEmpty() ? SqlCondition.NONE
				: SqlCondition.of("l.office_org_id in (:mbUnions)", "mbUnions", unions(user));
		if (!federation(user)) {
			return unions;
		}
		return unions.or(SqlCondition.of("(l.to_federation = true or l.escalated = true)"));
	}

	/** The letters a yearly summary counts: all for the work committee, a union's for its office. */
	SqlCondition summary(CurrentUser user) {
		return federation(user) ? SqlCondition.ALL : board(user);
	}

	static boolean answers(CurrentUser user, LetterRepository.LetterRow l) {
		return l.toFederation() || l.escalated() ? federation(user) || unions(user).contains(l.officeOrgId())
				: unions(user).contains(l.officeOrgId());
	}

	/** The letter if the caller wrote it or answers it; 404 otherwise. */
	LetterRepository.LetterRow visible(CurrentUser user, long id) {
		LetterRepository.LetterRow l = letters.find(id).orElseThrow(() -> new NotFoundException("mailbox.error.not-yours"));
		if (user.isSelf(l.writerPersonId()) || answers(user, l)) {
			return l;
		}
		throw new NotFoundException("mailbox.error.not-yours");
	}
}
