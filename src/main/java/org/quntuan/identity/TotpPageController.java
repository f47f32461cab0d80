package org.quntuan.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.quntuan.identity.SignInSuccessHandler.Pending;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Enrolling the TOTP second factor, and the code step of signing in. */
@Controller
class TotpPageController {

	static final String ENROL_PAGE = "/account/totp";

	private static final String NEW_SECRET = TotpPageController.class.getName() + ".secret";

	private static final int MAX_WRONG_CODES = 5;

	private final Clock clock;

	private final TotpAccounts totp;

	private final AccountRepository accounts;

	private final CurrentUserProvider users;

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	TotpPageController(TotpAccounts totp, AccountRepository accounts, CurrentUserProvider users, Clock clock) {
		this.clock = clock;
		this.totp = totp;
		this.accounts = accounts;
		this.users = users;
	}

	@GetMapping(ENROL_PAGE)
	String enrolPage(HttpSession session, Model model) {
		CurrentUser user = users.current();
		boolean enrolled = totp.enrolled(user.accountId());
		model.addAttribute("enrolled", enrolled);
		if (!enrolled) {
			// kept in the session until confirmed, so a reload shows the same secret
			String secret = session.getAttribute(NEW_SECRET) instanceof String s ? s : Totp.newSecret();
			session.setAttribute(NEW_SECRET, secret);
			model.addAttribute("secret", secret);
			model.addAttribute("uri", Totp.uri(Texts.localized("app.name"), user.username(), secret));
		}
		return "identity/totp";
	}

	@PostMapping(ENROL_PAGE)
	String enrol(@RequestParam(required = false) String code, HttpSession session, RedirectAttributes flash) {
		CurrentUser user = users.current();
		if (!(session.getAttribute(NEW_SECRET) instanceof String secret) || totp.enrolled(user.accountId())) {
			return "redirect:" + ENROL_PAGE;
		}
		try {
			totp.enrol(user.accountId(), user.username(), secret, code);
			session.removeAttribute(NEW_SECRET);
			flash.addFlashAttribute("success", Texts.localized("identity.totp.flash.enabled"));
			return "redirect:/";
		}
		catch (InvalidValueException ex) {
			flash.addFlashAttribute("error", Texts.localized(ex));
			return "redirect:" + ENROL_PAGE;
		}
	}

	@GetMapping("/login/totp")
	String codePage(HttpSession session) {
		return session.getAttribute(SignInSuccessHandler.PENDING) instanceof Pending ? "identity/login-totp"
				: "redirect:/login";
	}

	@PostMapping("/login/totp")
	String code(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		HttpSession session = request.getSession();
		if (!(session.getAttribute(SignInSuccessHandler.PENDING) instanceof Pending pending)) {
			return "redirect:/login";
		}
		AccountPrincipal principal = pending.principal();
		boolean usable = accounts.findById(principal.accountId())
			.filter(a -> a.enabled() && !a.lockedAt(OffsetDateTime.now(clock))).isPresent();
		if (usable && totp.check(principal.accountId(), principal.username(), code)) {
			session.removeAttribute(SignInSuccessHandler.PENDING);
			request.changeSessionId();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(AccountAuthenticator.authenticated(principal));
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			session.setAttribute(AccountStatusFilter.SIGNED_IN_AT, Instant.now(clock));
			return "redirect:/";
		}
		int wrong = pending.wrongCodes() + 1;
		if (!usable || wrong >= MAX_WRONG_CODES) {
			session.removeAttribute(SignInSuccessHandler.PENDING);
			return "redirect:/login?error";
		}
		session.setAttribute(SignInSuccessHandler.PENDING, new Pending(principal, wrong));
		model.addAttribute("error", Texts.localized("identity.totp.error.wrong-tries-left", MAX_WRONG_CODES - wrong));
		return "identity/login-totp";
	}
}
