package org.quntuan.care.pairing;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.ScopeKind;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may do what with pairing. The work committee's admins (an admin grant at the root) keep the
 * partners, make pairs and renew them, see every pair and the board of open problems. An admin whose
 * reach holds a pair's organ (the organ's own admins, its union's, its 片组's) sees the pair and works on
 * it: the plan, progress, problems and their steps, and may add partners. To anyone else a pair does not
 * exist (404); lists are for admins (403 otherwise).
 */
@Component
class PairingAccess {

	private final CurrentUserProvider users;

	private final PairRepository pairs;

	PairingAccess(CurrentUserProvider users, PairRepository pairs) {
		this.users = users;
		this.pairs = pairs;
	}

	CurrentUser current() {
		return users.current();
	}

	static boolean federation(CurrentUser user) {
		return user.scope().adminGrants().stream().anyMatch(ScopeGrant::atRoot);
	}

	static boolean reachesOrgan(CurrentUser user, long organId, String organPath) {
		return user.scope().adminGrants().stream()
			.anyMatch(g -> g.kind() == ScopeKind.SUBTREE ? organPath.startsWith(g.orgPath())
					: g.organId() != null && g.organId() == organId);
	}

	/** The caller, if an admin; 403 otherwise. */
	CurrentUser admin() {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("pairing.error.admins-only");
		}
		return user;
	}

	/** The caller, if a work committee admin; 403 otherwise. */
	CurrentUser federationAdmin() {
		CurrentUser user = users.current();
		if (!federation(user)) {
			throw new ForbiddenException("pairing.error.federation-only");
		}
		return user;
	}

	/** The pair if the caller may see and work on it; 404 otherwise. */
	PairRepository.PairRow pair(long id) {
		CurrentUser user = users.current();
		PairRepository.PairRow p = pairs.find(id).orElseThrow(NotFoundException::new);
		if (federation(user) || reachesOrgan(user, p.organId(), p.organPath())) {
			return p;
		}
		throw new NotFoundException();
	}

	/** The pairs the caller reaches, as a condition over {@code org organ} (the pair's organ). */
	SqlCondition pairScope(CurrentUser user) {
		if (federation(user)) {
			return SqlCondition.ALL;
		}
		List<String> paths = new ArrayList<>();
		List<SqlCondition> organs = new ArrayList<>();
		int i = 0;
		for (ScopeGrant g : user.scope().adminGrants()) {
			if (g.kind() == ScopeKind.SUBTREE) {
				paths.add(g.orgPath());
			}
			else if (g.organId() != null) {
				organs.add(SqlCondition.of("organ.id = :scopeOrgan" + i, "scopeOrgan" + i, g.organId()));
				i++;
			}
		}
		List<SqlCondition> all = new ArrayList<>(organs);
		if (!paths.isEmpty()) {
			all.add(SqlCondition.pathUnder("organ.path", "scopePath", paths));
		}
		return SqlCondition.anyOf(all);
	}
}
