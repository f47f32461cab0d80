package org.quntuan.identity;

import org.quntuan.member.MemberQueries;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.springframework.stereotype.Component;

/**
 * Where a sign-in of a known account is recorded in the audit log, so that the admins of that
 * organization see it: the organization of the account's first role binding, else the organ of its
 * person, else nowhere (only the federation admin and the account itself then see it).
 */
@Component
class SignInOrgPath {

	private final AccountRepository accounts;

	private final MemberQueries members;

	private final OrganizationQueries orgs;

	SignInOrgPath(AccountRepository accounts, MemberQueries members, OrganizationQueries orgs) {
		this.accounts = accounts;
		this.members = members;
		this.orgs = orgs;
	}

	/** The same for an account known by id; null when there is no such account. */
	String ofAccount(long accountId) {
		return accounts.findById(accountId).map(this::of).orElse(null);
	}

	String of(Account account) {
		var bindings = accounts.bindings(account.id());
		if (!bindings.isEmpty()) {
			return bindings.get(0).orgPath();
		}
		if (account.personId() == null) {
			return null;
		}
		return members.organOf(account.personId()).flatMap(orgs::find).map(OrgSummary::path).orElse(null);
	}
}
