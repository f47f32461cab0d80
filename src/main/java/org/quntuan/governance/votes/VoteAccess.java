package org.quntuan.governance.votes;

import org.quntuan.member.MemberQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may do what with votes. Admins (the federation's, or an org's) make votes for the orgs they reach and
 * see those votes, who voted and the results. The people on a vote's list see it, vote once in its window
 * and see its results after it closes. To anyone else a vote does not exist (404).
 */
@Component
class VoteAccess {

	private final CurrentUserProvider users;

	private final VoteRepository votes;

	private final MemberQueries members;

	VoteAccess(CurrentUserProvider users, VoteRepository votes, MemberQueries members) {
		this.users = users;
		this.votes = votes;
		this.members = members;
	}

	CurrentUser current() {
		return users.current();
	}

	static boolean reaches(CurrentUser user, String orgPath) {
		return user.scope().adminGrants().stream().anyMatch(g -> orgPath.startsWith(g.orgPath()));
	}

	static boolean manages(CurrentUser user, VoteRepository.VoteRow v) {
		return reaches(user, v.ownerOrgPath());
	}

	/** Votes whose org the caller administers, over {@code org o}. */
	static SqlCondition managed(CurrentUser user) {
		return SqlCondition.pathUnder("o.path", "vm", user.scope().adminGrants().stream().map(ScopeGrant::orgPath).toList());
	}

	/** The people the caller administers, over {@code person p}. */
	SqlCondition administeredPeople() {
		return members.administeredPeople("vadm");
	}

	boolean eligible(CurrentUser user, long voteId) {
		return user.personId() != null && votes.eligible(voteId, user.personId());
	}

	/** The vote if the caller may see it; 404 otherwise. */
	VoteRepository.VoteRow visible(CurrentUser user, long id) {
		VoteRepository.VoteRow v = votes.find(id).orElseThrow(NotFoundException::new);
		if (manages(user, v) || eligible(user, id)) {
			return v;
		}
		throw new NotFoundException();
	}
}
