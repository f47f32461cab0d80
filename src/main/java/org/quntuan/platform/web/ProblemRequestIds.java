package org.quntuan.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every ProblemDetail a controller or an exception handler answers carries the request's id
 * ({@code requestId}, see {@link RequestIds}); Spring Security's own answers add it where they are
 * written.
 */
@ControllerAdvice
class ProblemRequestIds implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail pd && request instanceof ServletServerHttpRequest servlet) {
			String id = RequestIds.of(servlet.getServletRequest());
			if (id != null) {
				pd.setProperty(RequestIds.MDC_KEY, id);
			}
		}
		return body;
	}
}
