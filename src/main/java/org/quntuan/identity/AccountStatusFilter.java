package org.quntuan.identity;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.platform.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * Reads the signed-in account's state on every request. A page session of an account disabled since
 * it signed in is ended (the request goes on unauthenticated, so to the login page); an account
 * that must change its admin-issued password reaches only the change page, or on the API only
 * {@code GET /api/v1/me} and {@code POST /api/v1/me/password}.
 */
class AccountStatusFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = AccountStatusFilter.class.getName() + ".signedInAt";

	static final String CHANGE_PAGE = "/password/change";

	static final String MUST_CHANGE = "identity.problem.must-change-password";

	private static final Set<String> PAGE_PREFIXES = Set.of("/webjars/", "/css/", "/js/");

	private static final Set<String> PAGES = Set.of(CHANGE_PAGE, "/logout", "/login", "/login/totp", "/error",
			"/favicon.ico");

	static final String CONSENT_PAGE = "/consent";

	static final String ENROL_FIRST = "identity.problem.enrol-totp-first";

	record Status(boolean enabled, boolean mustChangePassword, OffsetDateTime disabledAt, boolean acceptedRules,
			boolean admin, boolean totpEnrolled) {
	}

	/**
	 * The account's state as read by {@link BearerTokenFilter} together with the token, so that an API
	 * request reads the account once; the attribute below says whose it is.
	 */
	static final String STATUS = AccountStatusFilter.class.getName() + ".status";

	static final String STATUS_OF = AccountStatusFilter.class.getName() + ".statusOf";

	/** What this filter reads of an account {@code a}. */
	static final String STATUS_COLUMNS = "a.enabled, a.must_change_password, a.disabled_at, a.credentials_changed_at, case when "
			+ Consents.ACCEPTED_RULES + " then 1 else 0 end as accepted, case when exists (select 1 from role_binding b"
			+ " where b.account_id = a.id and b.role in ('FEDERATION_ADMIN', 'ORG_ADMIN')) then 1 else 0 end as admin,"
			+ " case when a.totp_secret is null then 0 else 1 end as enrolled";

	static Status status(ResultSet rs) throws SQLException {
		return new Status(rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
				latest(rs.getObject("disabled_at", OffsetDateTime.class),
						rs.getObject("credentials_changed_at", OffsetDateTime.class)),
				rs.getInt("accepted") == 1, rs.getInt("admin") == 1, rs.getInt("enrolled") == 1);
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final boolean api;

	/** Whether admins must have enrolled TOTP: checked on every request, not only at sign-in. */
	private final boolean totpRequiredForAdmins;

	/** The language of the request, for the problems this filter answers before the dispatcher runs. */
	private final LocaleResolver locales;

	/** Answering in the default language, Chinese, whatever the request. */
	AccountStatusFilter(JdbcClient jdbc, JsonMapper json, boolean api, boolean totpRequiredForAdmins) {
		this(jdbc, json, new FixedLocaleResolver(Texts.CHINESE), api, totpRequiredForAdmins);
	}

	AccountStatusFilter(JdbcClient jdbc, JsonMapper json, LocaleResolver locales, boolean api,
			boolean totpRequiredForAdmins) {
		this.locales = locales;
		this.totpRequiredForAdmins = totpRequiredForAdmins;
		this.jdbc = jdbc;
		this.json = json;
		this.api = api;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal principal)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Status> status = request.getAttribute(STATUS) instanceof Status known
				&& request.getAttribute(STATUS_OF) instanceof Long of && of == principal.accountId()
						? Optional.of(known)
						: jdbc.sql("select " + STATUS_COLUMNS + " from account a where a.id = :id")
							.param("id", principal.accountId())
							.query((rs, i) -> status(rs))
							.optional();
		HttpSession session = request.getSession(false);
		if (status.isEmpty() || !status.get().enabled() || disabledSinceSignIn(status.get(), session)) {
			if (session != null) {
				session.invalidate();
			}
			// from here on an anonymous request: the login page, or 401 on the API
			SecurityContext anonymous = SecurityContextHolder.createEmptyContext();
			anonymous.setAuthentication(new AnonymousAuthenticationToken("disabled-account", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
			SecurityContextHolder.setContext(anonymous);
			chain.doFilter(request, response);
			return;
		}
		if (status.get().mustChangePassword() && !exempt(request)) {
			if (api) {
				SecurityConfig.problem(request, response, json, locales, HttpStatus.FORBIDDEN, "identity.problem.forbidden",
						MUST_CHANGE);
			}
			else {
				response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
			}
			return;
		}
		if (totpRequiredForAdmins && status.get().admin() && !status.get().totpEnrolled() && !exempt(request)
				&& !TotpPageController.ENROL_PAGE.equals(path(request))) {
			if (api) {
				SecurityConfig.problem(request, response, json, locales, HttpStatus.FORBIDDEN, "identity.problem.forbidden",
						ENROL_FIRST);
			}
			else {
				response.sendRedirect(request.getContextPath() + TotpPageController.ENROL_PAGE);
			}
			return;
		}
		// pages ask for the rules of personal-information processing first; the API tells the app
		// through GET /api/v1/me ("consentRequired"), which shows the rules and posts the consent
		if (!api && !status.get().acceptedRules() && !exempt(request) && !CONSENT_PAGE.equals(path(request))) {
			response.sendRedirect(request.getContextPath() + CONSENT_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * Sessions signed in before the account was disabled, or before its password changed, stay dead:
	 * the record's disabledAt carries the later of the two.
	 */
	private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
		return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
	}

	private static boolean disabledSinceSignIn(Status status, HttpSession session) {
		if (status.disabledAt() == null || session == null) {
			return false;
		}
		return !(session.getAttribute(SIGNED_IN_AT) instanceof Instant signedIn)
				|| !status.disabledAt().toInstant().isBefore(signedIn);
	}

	private boolean exempt(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (api) {
			return ("GET".equals(request.getMethod()) && path.equals("/api/v1/me"))
					|| ("POST".equals(request.getMethod()) && path.equals("/api/v1/me/password"));
		}
		return PAGES.contains(path) || PAGE_PREFIXES.stream().anyMatch(path::startsWith);
	}
}
