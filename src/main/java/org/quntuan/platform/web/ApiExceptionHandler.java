package org.quntuan.platform.web;

import java.net.URI;
import java.util.Map;

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

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setTitle(title);
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
		return problem(HttpStatus.NOT_FOUND, "未找到", Texts.localized(ex));
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ProblemDetail forbidden(RuntimeException ex, HttpServletRequest request) {
		denied(request, 403, Texts.localized(ex));
		return problem(HttpStatus.FORBIDDEN, "无权操作",
				ex instanceof ForbiddenException ? Texts.localized(ex) : "您没有执行此操作的权限");
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "数据冲突", Texts.localized(ex));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail stale(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "数据冲突", "数据已被他人修改，请刷新后重试");
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException ex) {
		return problem(HttpStatus.CONFLICT, "数据冲突", "数据与已有记录重复");
	}

	@ExceptionHandler(DataAccessException.class)
	ProblemDetail database(DataAccessException ex, HttpServletRequest request) {
		DatabaseErrors.log(request, ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "系统暂时无法处理您的请求，请稍后重试");
	}

	@ExceptionHandler(BusinessRuleException.class)
	ProblemDetail rule(BusinessRuleException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "不符合业务规则", Texts.localized(ex));
	}

	@ExceptionHandler(InvalidValueException.class)
	ProblemDetail invalid(InvalidValueException ex) {
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "输入有误", Texts.localized(ex));
		if (!ex.problems().isEmpty()) {
			pd.setProperty("errors", ex.problems().stream().map(p -> new FieldProblem(p.field(), p.localized())).toList());
		}
		return pd;
	}

	@ExceptionHandler({ ConstraintViolationException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail badParameter(RuntimeException ex) {
		return problem(HttpStatus.BAD_REQUEST, "输入有误", "请求参数无效");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "输入有误", "提交的数据未通过校验");
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
			.body(problem(HttpStatus.BAD_REQUEST, "请求格式错误", "请求体不是有效的 JSON，或含有未知字段、错误类型的值"));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		// Spring's own MVC errors (405, 415, missing parameter…) keep their status but get a Chinese title.
		if (body instanceof ProblemDetail pd && pd.getTitle() != null && !pd.getTitle().isBlank()) {
			pd.setTitle(CHINESE_TITLES.getOrDefault(statusCode.value(), "请求无效"));
			// and a Chinese detail: Spring's own is English ("Content-Type 'text/plain' is not supported.")
			pd.setDetail(ApiRoutingProblemHandler.chineseDetail(statusCode.value()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static final Map<Integer, String> CHINESE_TITLES = Map.of(400, "请求无效", 404, "未找到", 405, "不支持该请求方法",
			406, "不支持的返回格式", 413, "请求内容过大", 415, "不支持的内容类型");
}
