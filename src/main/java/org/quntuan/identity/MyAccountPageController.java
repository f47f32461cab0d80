package org.quntuan.identity;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import org.quntuan.audit.AuditQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的: own data, own password, own sign-in history; and the public "forgot password" pages. */
@Controller
class MyAccountPageController {

	private final Clock clock;

	private final CurrentUserProvider users;

	private final AccountRepository accounts;

	private final AuditQueries auditLog;

	private final PasswordChanges changes;

	private final PasswordResets resets;

	private final MobileChanges mobiles;

	private final Consents consents;

	MyAccountPageController(CurrentUserProvider users, AccountRepository accounts, AuditQueries auditLog,
			PasswordChanges changes, PasswordResets resets, MobileChanges mobiles, Consents consents,
			Clock clock) {
		this.clock = clock;
		this.consents = consents;
		this.mobiles = mobiles;
		this.users = users;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.changes = changes;
		this.resets = resets;
	}

	/**
	 * The number a mobile-change code went to, kept in the session (with when it was sent) so that the
	 * code field stays through a reload or a detour while the code is valid: otherwise the person
	 * would have to ask again and wait out the one-per-minute limit.
	 */
	static final String PENDING_MOBILE = MyAccountPageController.class.getName() + ".pendingMobile";

	record PendingMobile(String mobile, Instant sentAt) implements Serializable {
	}

	@GetMapping("/me")
	String me(Model model, HttpSession session) {
		CurrentUser user = users.current();
		if (!model.containsAttribute("pendingMobile")
				&& session.getAttribute(PENDING_MOBILE) instanceof PendingMobile pending
				&& pending.sentAt().plus(VerificationCodes.LIFETIME).isAfter(Instant.now(clock))) {
			model.addAttribute("pendingMobile", pending.mobile());
		}
		model.addAttribute("account", accounts.findById(user.accountId()).orElseThrow());
		model.addAttribute("grants", user.scope().grants());
		model.addAttribute("signIns", auditLog.signInsOf(user.accountId(), 20));
		model.addAttribute("consents", consents.history(user.accountId()));
		return "identity/me";
	}

	@GetMapping("/consent")
	String consentPage(Model model) {
		model.addAttribute("rulesVersion", ConsentKind.PRIVACY_RULES.version());
		return "identity/consent";
	}

	@PostMapping("/consent")
	String giveConsent(@RequestParam(defaultValue = "false") boolean agree, RedirectAttributes flash) {
		if (!agree) {
			flash.addFlashAttribute("error", Texts.localized("identity.consent.error.agree-required"));
			return "redirect:/consent";
		}
		consents.give(users.current().accountId(), ConsentKind.PRIVACY_RULES);
		return "redirect:/";
	}

	@PostMapping("/me/consents/withdraw")
	String withdrawConsent(RedirectAttributes flash) {
		PageActions.run(flash, "identity.consent.flash.withdrawn",
				() -> consents.withdraw(users.current().accountId(), ConsentKind.PRIVACY_RULES));
		return "redirect:/me";
	}

	@PostMapping("/me/password")
	String changePassword(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			RedirectAttributes flash) {
		PageActions.run(flash, "identity.password.flash.changed", () -> {
			if (newPassword == null || !newPassword.equals(confirmPassword)) {
				throw new InvalidValueException("confirmPassword", "identity.password.error.mismatch");
			}
			changes.change(users.current().accountId(), currentPassword, newPassword);
			// this session proved the new password; every other one signed in before ends
			RequestContextHolder.currentRequestAttributes().setAttribute(
					AccountStatusFilter.SIGNED_IN_AT, Instant.now(clock),
					RequestAttributes.SCOPE_SESSION);
		});
		return "redirect:/me";
	}

	@PostMapping("/me/mobile/code")
	String sendMobileCode(@RequestParam(required = false) String mobile,
			@RequestParam(required = false) String currentPassword, RedirectAttributes flash,
			HttpSession session) {
		String[] sentTo = new String[1];
		if (PageActions.run(flash, "identity.mobile.flash.code-sent", () -> sentTo[0] = mobiles.sendCode(users.current(), currentPassword, mobile))) {
			flash.addFlashAttribute("pendingMobile", sentTo[0]);
			session.setAttribute(PENDING_MOBILE, new PendingMobile(sentTo[0], Instant.now(clock)));
		}
		return "redirect:/me";
	}

	@PostMapping("/me/mobile")
	String changeMobile(@RequestParam(required = false) String mobile, @RequestParam(required = false) String code,
			RedirectAttributes flash, HttpSession session) {
		if (!PageActions.run(flash, "identity.mobile.flash.changed", () -> mobiles.confirm(users.current(), mobile, code))) {
			flash.addFlashAttribute("pendingMobile", mobile);
		}
		else {
			session.removeAttribute(PENDING_MOBILE);
		}
		return "redirect:/me";
	}

	@GetMapping("/password/forgot")
	String forgot() {
		return "identity/forgot";
	}

	@PostMapping("/password/forgot")
	String sendCode(@RequestParam(required = false) String username, Model model) {
		try {
			resets.sendCode(username);
			model.addAttribute("success", MyAccountApiController.codeSent().get("message"));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("error", Texts.localized(ex));
		}
		model.addAttribute("username", username);
		return "identity/forgot";
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(required = false) String username, @RequestParam(required = false) String code,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			Model model) {
		try {
			if (newPassword == null || !newPassword.equals(confirmPassword)) {
				throw new InvalidValueException("confirmPassword", "identity.password.error.mismatch");
			}
			resets.reset(username, code, newPassword);
			return "redirect:/login?reset";
		}
		catch (InvalidValueException ex) {
			model.addAttribute("error", Texts.localized(ex));
			model.addAttribute("username", username);
			return "identity/forgot";
		}
	}
}
