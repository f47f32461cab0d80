package org.quntuan.platform.web;

import java.util.Map;

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

	private static final Map<Integer, String> DETAILS = Map.of(400, "请求参数缺失或格式不正确", 404, "请求的地址不存在", 405,
			"该地址不支持此请求方法", 406, "无法以请求的格式返回结果，请接受 application/json", 413, "请求内容过大", 415,
			"不支持的内容类型，请以 application/json 格式提交（上传文件请用 multipart/form-data）");

	static String chineseDetail(int status) {
		return DETAILS.getOrDefault(status, "请求无效");
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
		ProblemDetail pd = ApiExceptionHandler.problem(status, switch (status) {
			case METHOD_NOT_ALLOWED -> "不支持该请求方法";
			case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型";
			case NOT_FOUND -> "未找到";
			default -> "不支持的返回格式";
		}, chineseDetail(status.value()));
		HttpHeaders headers = new HttpHeaders();
		if (!unknownPath && ex instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
			headers.setAllow(m.getSupportedHttpMethods());
		}
		return ResponseEntity.status(status).headers(headers).body(pd);
	}
}
