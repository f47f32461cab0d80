package org.quntuan.identity;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.Role;
import org.quntuan.platform.web.Labels;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in and which menu entries they may use. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	/**
	 * @param finance reads union books (admins, finance officers, auditors)
	 * @param financeKeeper keeps books (not auditors, who are read-only on money)
	 * @param financeOfficer keeps dues and base pay
	 */
	record Navigation(String displayName, Long personId, boolean admin, boolean federationAdmin, String roleLabel,
			boolean finance, boolean financeKeeper, boolean financeOfficer) {
	}

	private final CurrentUserProvider users;

	private final Labels labels;

	LayoutModel(CurrentUserProvider users, Labels labels) {
		this.users = users;
		this.labels = labels;
	}

	@ModelAttribute("nav")
	Navigation navigation() {
		return users.currentIfAny().map(this::of).orElse(null);
	}

	/** The role is named in the page's language, the organization as it is called. */
	Navigation of(CurrentUser user) {
		String label = user.scope().grants().stream().findFirst().map(g -> labels.of(g.role()) + " · " + g.orgName())
			.orElse(labels.of(Role.MEMBER));
		return new Navigation(user.displayName(), user.personId(), user.scope().isAdmin(),
				user.scope().has(Role.FEDERATION_ADMIN), label,
				user.scope().hasAny(Role.FEDERATION_ADMIN, Role.ORG_ADMIN, Role.FINANCE_OFFICER, Role.AUDITOR),
				user.scope().hasAny(Role.FEDERATION_ADMIN, Role.ORG_ADMIN, Role.FINANCE_OFFICER),
				user.scope().has(Role.FINANCE_OFFICER));
	}
}
