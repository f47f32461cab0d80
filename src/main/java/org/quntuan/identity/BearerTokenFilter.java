package org.quntuan.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in an API request that carries {@code Authorization: Bearer <token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	BearerTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			tokens.holderOf(header.substring(7).strip()).ifPresent(holder -> {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(AccountAuthenticator.authenticated(holder.principal()));
				SecurityContextHolder.setContext(context);
				request.setAttribute(AccountStatusFilter.STATUS, holder.status());
				request.setAttribute(AccountStatusFilter.STATUS_OF, holder.principal().accountId());
			});
		}
		chain.doFilter(request, response);
	}
}
