package org.quntuan.identity;

import java.time.Clock;
import java.time.Instant;

import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page every request of an account with an admin-issued password leads to until it is changed. */
@Controller
class PasswordChangePageController {

	private final Clock clock;

	private final PasswordChanges changes;

	private final CurrentUserProvider users;

	private final SecuritySettings settings;

	PasswordChangePageController(PasswordChanges changes, CurrentUserProvider users, SecuritySettings settings,
			Clock clock) {
		this.clock = clock;
		this.changes = changes;
		this.users = users;
		this.settings = settings;
	}

	@GetMapping(AccountStatusFilter.CHANGE_PAGE)
	String page(Model model) {
		model.addAttribute("minLength", settings.passwordMinLength());
		model.addAttribute("minClasses", settings.passwordMinClasses());
		return "identity/password-change";
	}

	@PostMapping(AccountStatusFilter.CHANGE_PAGE)
	String change(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			Model model, RedirectAttributes flash) {
		try {
			if (newPassword == null || !newPassword.equals(confirmPassword)) {
				throw new InvalidValueException("confirmPassword", "identity.password.error.mismatch");
			}
			changes.change(users.current().accountId(), currentPassword, newPassword);
			// this session proved the new password; every other one signed in before ends
			RequestContextHolder.currentRequestAttributes().setAttribute(
					AccountStatusFilter.SIGNED_IN_AT, Instant.now(clock),
					RequestAttributes.SCOPE_SESSION);
			flash.addFlashAttribute("success", Texts.localized("identity.password.flash.changed"));
			return "redirect:/";
		}
		catch (InvalidValueException ex) {
			model.addAttribute("error", Texts.localized(ex));
			return page(model);
		}
	}
}
