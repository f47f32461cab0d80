package org.quntuan.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well formed (nginx sets one,
 * see ops/nginx-quntuan.conf), a new one otherwise. The id is in the logging context (MDC key
 * {@code requestId}, a field of every JSON log line), in the response header {@code X-Request-Id},
 * and in every ProblemDetail ({@code requestId}), so that a user's error report leads to the log line.
 * First of all filters, so that Spring Security's answers carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

	/** The id of the request, or null outside one. */
	public static String of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
	}

	static boolean wellFormed(String id) {
		return id != null && WELL_FORMED.matcher(id).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = of(request);
		if (id == null) {
			String given = request.getHeader(HEADER);
			id = wellFormed(given) ? given : UUID.randomUUID().toString();
			request.setAttribute(ATTRIBUTE, id);
		}
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, id);
		}
		String previous = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (previous == null) {
				MDC.remove(MDC_KEY);
			}
			else {
				MDC.put(MDC_KEY, previous);
			}
		}
	}

	/** The error page the container forwards to logs under the same id. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}
