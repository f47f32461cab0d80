package org.quntuan.identity;

import java.util.List;

import org.quntuan.identity.AccountAdminRepository.AccountRow;
import org.quntuan.identity.AccountAdminRepository.BindingRow;
import org.quntuan.identity.AccountAdminRepository.Reach;
import org.quntuan.member.MemberQueries;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Versions;
import org.springframework.stereotype.Component;

/**
 * Which accounts an admin reaches (404 beyond) and which of those they may change (403 otherwise):
 * only accounts whose every role lies in their admin subtree, and a federation admin's only by a
 * federation admin above it.
 */
@Component
class AccountReach {

	private final CurrentUserProvider users;

	private final MemberQueries members;

	private final AccountAdminRepository repository;

	AccountReach(CurrentUserProvider users, MemberQueries members, AccountAdminRepository repository) {
		this.users = users;
		this.members = members;
		this.repository = repository;
	}

	CurrentUser requireAdmin() {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("identity.account.error.admin-only");
		}
		return user;
	}

	Reach of(CurrentUser user) {
		List<ScopeGrant> grants = user.scope().adminGrants();
		boolean root = grants.stream().anyMatch(ScopeGrant::atRoot);
		return new Reach(root, grants.stream().map(ScopeGrant::orgPath).toList(),
				root ? null : members.administeredPeople("people"));
	}

	AccountRow visible(CurrentUser user, long accountId) {
		if (!repository.reaches(of(user), accountId)) {
			throw new NotFoundException();
		}
		return repository.find(accountId).orElseThrow(NotFoundException::new);
	}

	/** Visible, at the version the caller saw, and holding no role beyond the caller's reach. */
	AccountRow manageable(CurrentUser user, long accountId, Integer version) {
		AccountRow account = visible(user, accountId);
		if (version != null && version != account.version()) {
			throw new ConflictException("identity.account.error.stale");
		}
		reachable(user, account);
		// a missing version is told only to whom may change the account at all
		Versions.required(version);
		return account;
	}

	/** For adding a role: a new binding row, the account itself does not change. */
	AccountRow manageable(CurrentUser user, long accountId) {
		return reachable(user, visible(user, accountId));
	}

	private AccountRow reachable(CurrentUser user, AccountRow account) {
		long accountId = account.id();
		if (!manageable(user, repository.bindingsOf(List.of(accountId)))) {
			throw new ForbiddenException("identity.account.error.roles-out-of-reach");
		}
		return account;
	}

	boolean manageable(CurrentUser user, List<BindingRow> bindings) {
		return bindings.stream().allMatch(b -> mayRemove(user, b));
	}

	boolean mayRemove(CurrentUser user, BindingRow binding) {
		return Role.FEDERATION_ADMIN.name().equals(binding.role()) ? isFederationAdminAbove(user, binding.orgPath())
				: administersPath(user, binding.orgPath());
	}

	boolean administersPath(CurrentUser user, String path) {
		return user.scope().adminGrants().stream().anyMatch(g -> path.startsWith(g.orgPath()));
	}

	boolean isFederationAdminAbove(CurrentUser user, String path) {
		return user.scope().grantsFor(Role.FEDERATION_ADMIN).stream().anyMatch(g -> path.startsWith(g.orgPath()));
	}

	boolean administersPerson(long personId) {
		Reach reach = of(users.current());
		return reach.everything() || repository.personIn(reach.people(), personId);
	}
}
