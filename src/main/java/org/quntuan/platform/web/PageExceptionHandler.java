package org.quntuan.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.quntuan.platform.AccessDenied;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on pages: a Chinese page with the right status, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageExceptionHandler {

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("message", message);
		return mav;
	}

	private final ApplicationEventPublisher events;

	PageExceptionHandler(ApplicationEventPublisher events) {
		this.events = events;
	}

	private void denied(HttpServletRequest request, int status, String reason) {
		events.publishEvent(new AccessDenied(request.getMethod(), request.getRequestURI(), status, reason));
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex, HttpServletRequest request) {
		denied(request, 404, Texts.localized(ex));
		return page(HttpStatus.NOT_FOUND, Texts.localized(ex));
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden(ForbiddenException ex, HttpServletRequest request) {
		denied(request, 403, Texts.localized(ex));
		return page(HttpStatus.FORBIDDEN, Texts.localized(ex));
	}

	@ExceptionHandler({ ConflictException.class })
	ModelAndView conflict(RuntimeException ex) {
		return page(HttpStatus.CONFLICT, Texts.localized(ex));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView stale(OptimisticLockingFailureException ex) {
		return page(HttpStatus.CONFLICT, Texts.localized("platform.error.stale-page"));
	}

	@ExceptionHandler(DataAccessException.class)
	ModelAndView database(DataAccessException ex, HttpServletRequest request) {
		DatabaseErrors.log(request, ex);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, null);
	}

	@ExceptionHandler(BusinessRuleException.class)
	ModelAndView rule(BusinessRuleException ex) {
		return page(HttpStatus.UNPROCESSABLE_CONTENT, Texts.localized(ex));
	}

	@ExceptionHandler({ InvalidValueException.class, MethodArgumentTypeMismatchException.class })
	ModelAndView invalid(RuntimeException ex) {
		return page(HttpStatus.BAD_REQUEST,
				ex instanceof InvalidValueException ? Texts.localized(ex) : Texts.localized("platform.error.bad-parameter"));
	}
}
