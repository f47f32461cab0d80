package org.quntuan.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A page form uploading a file over {@code spring.servlet.multipart.max-file-size} would fail in
 * the CSRF filter, which reads the token from the multipart body that cannot be parsed, and the user
 * would see "forbidden". This filter, ahead of security, parses page uploads first and sends a
 * too-large one back to its page with a Chinese message. The API has no CSRF filter: there the
 * limit reaches {@link UploadProblemHandler}, which answers 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UploadLimitFilter extends OncePerRequestFilter {

	private final DataSize maxFileSize;

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	UploadLimitFilter(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
				|| request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			// parses now; the container keeps the parts for everyone after
			new StandardMultipartHttpServletRequest(request);
		}
		catch (MaxUploadSizeExceededException ex) {
			String back = UploadProblemHandler.sameSiteReferer(request);
			String target = back == null ? "/" : back;
			if (request.getSession(false) != null) {
				FlashMap flash = new FlashMap();
				flash.put("error", UploadProblemHandler.tooLarge(maxFileSize));
				flash.setTargetRequestPath(request.getContextPath() + target);
				flashMaps.saveOutputFlashMap(flash, request, response);
			}
			response.sendRedirect(request.getContextPath() + target);
			return;
		}
		catch (RuntimeException ex) {
			// any other unreadable upload is answered where it is used
		}
		chain.doFilter(request, response);
	}
}
