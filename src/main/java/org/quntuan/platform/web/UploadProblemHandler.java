package org.quntuan.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.quntuan.platform.Texts;
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
		return answer(request, HttpStatus.CONTENT_TOO_LARGE, "platform.title.413", tooLarge(maxFileSize));
	}

	@ExceptionHandler(MultipartException.class)
	Object unreadable(MultipartException ex, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "platform.title.400", Texts.localized("platform.upload.unreadable"));
	}

	@ExceptionHandler(ExcelFileException.class)
	Object excel(ExcelFileException ex, HttpServletRequest request) {
		HttpStatus status = HttpStatus.valueOf(ex.status());
		return answer(request, status, switch (ex.reason()) {
			case NOT_XLSX -> "platform.excel.title.not-xlsx";
			case TOO_LARGE -> "platform.excel.title.too-large";
			case DAMAGED -> "platform.excel.title.damaged";
			case TOO_MANY_ROWS, BAD_LAYOUT -> "platform.excel.title.layout";
		}, Texts.localized(ex));
	}

	private static Object answer(HttpServletRequest request, HttpStatus status, String title, String message) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail pd = ApiExceptionHandler.problem(status, title, message);
			// title: a bundle key; message: words already in the reader's language
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
		return Texts.localized("platform.upload.too-large", megabytes(maxFileSize));
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
