package org.quntuan.identity;

import java.io.IOException;
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

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in account's state on every request. A page session of an account disabled since
 * it signed in is ended (the request goes on unauthenticated, so to the login page); an account
 * that must change its admin-issued password reaches only the change page, or on the API only
 * {@code GET /api/v1/me} and {@code POST /api/v1/me/password}.
 */
class AccountStatusFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = AccountStatusFilter.class.getName() + ".signedInAt";

	static final String CHANGE_PAGE = "/password/change";

	static final String MUST_CHANGE = "请先修改初始密码";

	private static final Set<String> PAGE_PREFIXES = Set.of("/webjars/", "/css/", "/js/");

	private static final Set<String> PAGES = Set.of(CHANGE_PAGE, "/logout", "/login", "/login/totp", "/error",
			"/favicon.ico");

	record Status(boolean enabled, boolean mustChangePassword, OffsetDateTime disabledAt) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final boolean api;

	AccountStatusFilter(JdbcClient jdbc, JsonMapper json, boolean api) {
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
		Optional<Status> status = jdbc
			.sql("select enabled, must_change_password, disabled_at from account where id = :id")
			.param("id", principal.accountId())
			.query((rs, i) -> new Status(rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
					rs.getObject("disabled_at", OffsetDateTime.class)))
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
				SecurityConfig.problem(response, json, HttpStatus.FORBIDDEN, "无权操作", MUST_CHANGE);
			}
			else {
				response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	/** Disabled and enabled again: sessions from before stay dead. */
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
