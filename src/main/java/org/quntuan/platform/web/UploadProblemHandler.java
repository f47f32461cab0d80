package org.quntuan.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.quntuan.platform.excel.ExcelFileException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Uploads that fail before or outside a controller: the multipart request is parsed before any
 * handler is chosen, so a file over {@code spring.servlet.multipart.max-file-size} reaches no
 * controller advice bound to controllers. This one applies to every request: a 413 ProblemDetail for
 * the API; back to the page the form was on, with a Chinese message, for pages (where
 * {@link UploadLimitFilter} usually answers first).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UploadProblemHandler {

	private final DataSize maxFileSize;

	UploadProblemHandler(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.CONTENT_TOO_LARGE, "请求内容过大", tooLarge(maxFileSize));
	}

	@ExceptionHandler(MultipartException.class)
	Object unreadable(MultipartException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "请求无效", "上传的内容无法读取，请重新选择文件上传");
	}

	@ExceptionHandler(ExcelFileException.class)
	Object excel(ExcelFileException ex, HttpServletRequest request) {
		HttpStatus status = HttpStatus.valueOf(ex.status());
		return answer(request, status, switch (ex.reason()) {
			case NOT_XLSX -> "不支持的文件类型";
			case TOO_LARGE -> "文件过大";
			case DAMAGED -> "文件异常";
			case TOO_MANY_ROWS, BAD_LAYOUT -> "文件内容不符合要求";
		}, ex.getMessage());
	}

	private static Object answer(HttpServletRequest request, HttpStatus status, String title, String message) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail pd = ApiExceptionHandler.problem(status, title, message);
			return ResponseEntity.status(status).body(pd);
		}
		String back = sameSiteReferer(request);
		if (back != null) {
			RequestContextUtils.getOutputFlashMap(request).put("error", message);
			return new ModelAndView("redirect:" + back);
		}
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(status);
		mav.addObject("status", status.value());
		mav.addObject("message", message);
		return mav;
	}

	static String tooLarge(DataSize maxFileSize) {
		return "上传的文件过大，单个文件不能超过 " + megabytes(maxFileSize);
	}

	/** The path of the page the form was sent from, if it is one of ours. */
	static String sameSiteReferer(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI uri = URI.create(referer);
			if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
					|| uri.getRawPath() == null || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
				return null;
			}
			String path = uri.getRawPath();
			if (!path.startsWith(request.getContextPath())) {
				return null;
			}
			return path.substring(request.getContextPath().length());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String megabytes(DataSize size) {
		long mb = size.toMegabytes();
		return mb > 0 ? mb + " MB" : size.toKilobytes() + " KB";
	}
}
