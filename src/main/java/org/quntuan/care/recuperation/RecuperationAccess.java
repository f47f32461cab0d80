package org.quntuan.care.recuperation;

import java.util.Map;

import org.quntuan.member.MemberQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.ScopeKind;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may do what with recuperation. The work committee's admins (a grant at the root of the tree)
 * organize: they plan batches, share the places among organs, record attendance and see every
 * nomination. An admin whose reach holds an organ with places in a batch sees the batch, nominates the
 * people they administer and sees those people's nominations. A nominated person sees the batch and
 * answers their own nomination. To anyone else a batch does not exist (404).
 */
@Component
class RecuperationAccess {

	private final CurrentUserProvider users;

	private final RecuperationRepository batches;

	private final MemberQueries members;

	RecuperationAccess(CurrentUserProvider users, RecuperationRepository batches, MemberQueries members) {
		this.users = users;
		this.batches = batches;
		this.members = members;
	}

	CurrentUser current() {
		return users.current();
	}

	/** Plans batches: an admin grant at the root. */
	static boolean plans(CurrentUser user) {
		return user.scope().adminGrants().stream().anyMatch(ScopeGrant::atRoot);
	}

	static boolean organizes(CurrentUser user, RecuperationRepository.BatchRow b) {
		return user.scope().adminGrants().stream().anyMatch(g -> b.ownerOrgPath().startsWith(g.orgPath()));
	}

	/** Whether one of the caller's admin grants reaches people of the organ. */
	static boolean reachesOrgan(CurrentUser user, long organId, String organPath) {
		return user.scope().adminGrants().stream()
			.anyMatch(g -> g.kind() == ScopeKind.SUBTREE ? organPath.startsWith(g.orgPath())
					: g.organId() != null && g.organId() == organId);
	}

	boolean nominates(CurrentUser user, long batchId) {
		Map<Long, String> organs = batches.quotaOrgans(batchId);
		return organs.entrySet().stream().anyMatch(e -> reachesOrgan(user, e.getKey(), e.getValue()));
	}

	/** The batch if the caller may see it; 404 otherwise. */
	RecuperationRepository.BatchRow visible(CurrentUser user, long id) {
		RecuperationRepository.BatchRow b = batches.find(id).orElseThrow(NotFoundException::new);
		if (organizes(user, b) || user.scope().isAdmin() && nominates(user, id)
				|| user.personId() != null && batches.nominated(id, user.personId())) {
			return b;
		}
		throw new NotFoundException();
	}

	/** The batch as its organizer; 403 for those who see it otherwise. */
	RecuperationRepository.BatchRow organized(long id) {
		CurrentUser user = users.current();
		RecuperationRepository.BatchRow b = visible(user, id);
		if (!organizes(user, b)) {
			throw new ForbiddenException("recuperation.error.organizer-only");
		}
		return b;
	}

	/** The nominations the caller may see: all for the organizers, the people they administer for other admins. */
	SqlCondition rosterScope(CurrentUser user, RecuperationRepository.BatchRow b) {
		if (organizes(user, b)) {
			return SqlCondition.ALL;
		}
		SqlCondition own = user.personId() == null ? SqlCondition.NONE : SqlCondition.of("p.id = :self", "self",
				user.personId());
		return user.scope().isAdmin() ? members.administeredPeople("adm").or(own) : own;
	}

	SqlCondition administeredPeople() {
		return members.administeredPeople("adm");
	}

	/** Whether the caller administers the person (or organizes the batch): may withdraw and see the nomination. */
	boolean manages(CurrentUser user, RecuperationRepository.BatchRow b, long personId) {
		return organizes(user, b) || user.scope().isAdmin() && batches.personMatches(personId, administeredPeople());
	}

	/** The nomination if the caller may see it: the person, the organizers or an admin of the person; 404 otherwise. */
	RecuperationRepository.NominationRow nomination(CurrentUser user, long id) {
		RecuperationRepository.NominationRow n = batches.nomination(id).orElseThrow(NotFoundException::new);
		if (user.isSelf(n.personId())) {
			return n;
		}
		RecuperationRepository.BatchRow b = batches.find(n.batchId()).orElseThrow(NotFoundException::new);
		if (manages(user, b, n.personId())) {
			return n;
		}
		throw new NotFoundException();
	}
}
