package org.quntuan.identity;

import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and the home page, which differs by role. */
@Controller
class PageControllers {

	private final CurrentUserProvider users;

	private final OrganizationQueries orgs;

	private final SecuritySettings settings;

	PageControllers(CurrentUserProvider users, OrganizationQueries orgs, SecuritySettings settings) {
		this.settings = settings;
		this.users = users;
		this.orgs = orgs;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("maxFailedAttempts", settings.maxFailedAttempts());
		model.addAttribute("lockMinutes", settings.lockDuration().toMinutes());
		return "login";
	}

	@GetMapping("/")
	String home(Model model) {
		CurrentUser user = users.current();
		model.addAttribute("grants", user.scope().grants());
		if (user.scope().personOrganId() != null) {
			orgs.find(user.scope().personOrganId()).ifPresent(o -> model.addAttribute("ownOrgan", o));
		}
		return "home";
	}
}
