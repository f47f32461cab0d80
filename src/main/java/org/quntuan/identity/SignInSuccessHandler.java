package org.quntuan.identity;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.quntuan.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After the right password on the form: an account with TOTP is not signed in yet but waits, in
 * its session, for the code on {@code /login/totp}; an admin who must and has not enrolled is sent
 * to enrol; everyone else goes where they were going.
 */
@Component
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String PENDING = SignInSuccessHandler.class.getName() + ".pending";

	/** A password-checked account waiting for its code, and the wrong codes so far. */
	record Pending(AccountPrincipal principal, int wrongCodes) implements Serializable {
	}

	private final Clock clock;

	private final TotpAccounts totp;

	private final TotpSettings settings;

	private final AccountRepository accounts;

	SignInSuccessHandler(TotpAccounts totp, TotpSettings settings, AccountRepository accounts, Clock clock) {
		this.clock = clock;
		this.totp = totp;
		this.settings = settings;
		this.accounts = accounts;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
		HttpSession session = request.getSession();
		if (totp.enrolled(principal.accountId())) {
			session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			SecurityContextHolder.clearContext();
			session.setAttribute(PENDING, new Pending(principal, 0));
			getRedirectStrategy().sendRedirect(request, response, "/login/totp");
			return;
		}
		session.setAttribute(AccountStatusFilter.SIGNED_IN_AT, Instant.now(clock));
		if (settings.totpRequiredForAdmins() && accounts.bindings(principal.accountId()).stream()
			.anyMatch(b -> Role.valueOf(b.role()).administersPeople())) {
			getRedirectStrategy().sendRedirect(request, response, TotpPageController.ENROL_PAGE);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
