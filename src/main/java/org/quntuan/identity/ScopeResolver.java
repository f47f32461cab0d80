package org.quntuan.identity;

import java.util.List;
import java.util.Optional;

import org.quntuan.member.MemberQueries;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.DataScope;
import org.quntuan.platform.OrgLevel;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Resolves the caller's scope from the database once per request: role bindings with the current
 * paths of their organizations, and the caller's own organ.
 */
@Component
class ScopeResolver implements CurrentUserProvider {

	private static final String ATTRIBUTE = ScopeResolver.class.getName() + ".user";

	private final AccountRepository accounts;

	/** Lazily: the member module's facades themselves ask for the current user. */
	private final ObjectProvider<MemberQueries> members;

	ScopeResolver(AccountRepository accounts, ObjectProvider<MemberQueries> members) {
		this.accounts = accounts;
		this.members = members;
	}

	@Override
	public Optional<CurrentUser> currentIfAny() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal principal)) {
			return Optional.empty();
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser cached
				&& cached.accountId() == principal.accountId()) {
			return Optional.of(cached);
		}
		CurrentUser user = resolve(principal);
		if (request != null) {
			request.setAttribute(ATTRIBUTE, user, RequestAttributes.SCOPE_REQUEST);
		}
		return Optional.of(user);
	}

	CurrentUser resolve(AccountPrincipal principal) {
		List<ScopeGrant> grants = accounts.bindings(principal.accountId()).stream().map(ScopeResolver::grant).toList();
		Long organ = principal.personId() == null ? null : members.getObject().organOf(principal.personId()).orElse(null);
		return new CurrentUser(principal.accountId(), principal.username(), principal.displayName(),
				principal.personId(), new DataScope(principal.personId(), organ, grants));
	}

	static ScopeGrant grant(AccountRepository.Binding b) {
		OrgType type = OrgType.valueOf(b.orgType());
		Long organId = type == OrgType.ORGAN ? Long.valueOf(b.orgId()) : type.isMassOrganization() ? b.orgParentId() : null;
		return new ScopeGrant(Role.valueOf(b.role()), b.orgId(), b.orgName(), OrgLevel.valueOf(b.orgType()), b.orgPath(),
				type.scopeKind(), organId);
	}
}
