package org.quntuan.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error is an RFC 9457 ProblemDetail with a real status and a Chinese detail. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	public record FieldProblem(String field, String message) {
	}

	/** A problem whose title and detail are bundle keys (or already words), in the request's language. */
	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, Texts.localized(detail));
		pd.setTitle(Texts.localized(title));
		pd.setType(URI.create("about:blank"));
		return pd;
	}

	private final ApplicationEventPublisher events;

	ApiExceptionHandler(ApplicationEventPublisher events) {
		this.events = events;
	}

	private void denied(HttpServletRequest request, int status, String reason) {
		events.publishEvent(new AccessDenied(request.getMethod(), request.getRequestURI(), status, reason));
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex, HttpServletRequest request) {
		denied(request, 404, Texts.localized(ex));
		return problem(HttpStatus.NOT_FOUND, "platform.title.not-found", Texts.localized(ex));
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ProblemDetail forbidden(RuntimeException ex, HttpServletRequest request) {
		denied(request, 403, Texts.localized(ex));
		return problem(HttpStatus.FORBIDDEN, "platform.title.forbidden",
				ex instanceof ForbiddenException ? Texts.localized(ex) : "platform.error.forbidden");
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "platform.title.conflict", Texts.localized(ex));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail stale(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "platform.title.conflict", "platform.error.stale");
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException ex) {
		return problem(HttpStatus.CONFLICT, "platform.title.conflict", "platform.error.duplicate");
	}

	@ExceptionHandler(DataAccessException.class)
	ProblemDetail database(DataAccessException ex, HttpServletRequest request) {
		DatabaseErrors.log(request, ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "platform.title.server-error", "platform.error.server");
	}

	@ExceptionHandler(BusinessRuleException.class)
	ProblemDetail rule(BusinessRuleException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "platform.title.business-rule", Texts.localized(ex));
	}

	@ExceptionHandler(InvalidValueException.class)
	ProblemDetail invalid(InvalidValueException ex) {
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "platform.title.invalid", Texts.localized(ex));
		if (!ex.problems().isEmpty()) {
			pd.setProperty("errors", ex.problems().stream().map(p -> new FieldProblem(p.field(), p.localized())).toList());
		}
		return pd;
	}

	@ExceptionHandler({ ConstraintViolationException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail badParameter(RuntimeException ex) {
		return problem(HttpStatus.BAD_REQUEST, "platform.title.invalid", "platform.error.bad-parameter");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "platform.title.invalid", "platform.error.validation");
		pd.setProperty("errors", ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
			.toList());
		return ResponseEntity.badRequest().body(pd);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "platform.title.bad-format", "platform.error.bad-json"));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		// Spring's own MVC errors (405, 415, missing parameter…) keep their status but get our title,
		if (body instanceof ProblemDetail pd && pd.getTitle() != null && !pd.getTitle().isBlank()) {
			pd.setTitle(Texts.localized(ApiRoutingProblemHandler.title(statusCode.value())));
			// and our detail: Spring's own is English ("Content-Type 'text/plain' is not supported.")
			pd.setDetail(Texts.localized(ApiRoutingProblemHandler.detail(statusCode.value())));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}
}
