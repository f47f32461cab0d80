package org.quntuan.platform.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A request that matches no handler method (the wrong method on an API path, an unsupported content
 * type, a path that does not exist) reaches no advice bound to controllers, and Spring Boot answered it with its English error
 * JSON. This advice applies to every request: a Chinese ProblemDetail for the API; pages keep the
 * default handling (the error page), since the exception is thrown on.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ApiRoutingProblemHandler {

	private static final Set<Integer> KNOWN = Set.of(400, 401, 403, 404, 405, 406, 413, 415);

	/** The bundle key of the title of an error status ({@code platform.title.400}…). */
	static String title(int status) {
		return "platform.title." + (KNOWN.contains(status) ? status : 400);
	}

	/** The bundle key of the detail of an error status ({@code platform.detail.400}…). */
	static String detail(int status) {
		return "platform.detail." + (KNOWN.contains(status) ? status : 400);
	}

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class, NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ProblemDetail> unroutable(Exception ex, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex;
		}
		// a POST to a path no controller maps reaches the static resource handler (mapped at /**), which
		// refuses every method but GET: that is an unknown path (404), not a wrong method
		boolean unknownPath = "/**".equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
		HttpStatus status = unknownPath ? HttpStatus.NOT_FOUND
				: ex instanceof HttpRequestMethodNotSupportedException ? HttpStatus.METHOD_NOT_ALLOWED
				: ex instanceof HttpMediaTypeNotSupportedException ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
						: ex instanceof HttpMediaTypeNotAcceptableException ? HttpStatus.NOT_ACCEPTABLE : HttpStatus.NOT_FOUND;
		ProblemDetail pd = ApiExceptionHandler.problem(status, title(status.value()), detail(status.value()));
		HttpHeaders headers = new HttpHeaders();
		if (!unknownPath && ex instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
			headers.setAllow(m.getSupportedHttpMethods());
		}
		return ResponseEntity.status(status).headers(headers).body(pd);
	}
}
