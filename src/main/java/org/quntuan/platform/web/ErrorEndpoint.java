package org.quntuan.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container forwards to when no advice answered (a 500 thrown past every handler, a request
 * Tomcat refused): replaces Spring Boot's, whose JSON ({@code timestamp}, {@code error}, {@code path})
 * is not a ProblemDetail and which answered {@code /error} requested directly with a 500 and
 * {@code "status": 999}. Under {@code /api} a ProblemDetail in the reader's language, elsewhere the error page; asked
 * for directly, there is no error to show: 404.
 */
@Controller
class ErrorEndpoint implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null && c >= 400 ? HttpStatus.valueOf(c)
				: code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri instanceof String s ? s : request.getRequestURI();
		if (path.startsWith(request.getContextPath() + "/api/") || wantsJson(request)) {
			ProblemDetail pd = ApiExceptionHandler.problem(status, title(status), detail(status));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		return page;
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && !accept.contains("text/html") && accept.contains("json");
	}

	private static String title(HttpStatus status) {
		return status.is5xxServerError() ? "platform.title.server-error" : ApiRoutingProblemHandler.title(status.value());
	}

	private static String detail(HttpStatus status) {
		return status.is5xxServerError() ? "platform.error.server" : ApiRoutingProblemHandler.detail(status.value());
	}
}
