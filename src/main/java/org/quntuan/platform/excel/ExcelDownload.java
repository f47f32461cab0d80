package org.quntuan.platform.excel;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The headers of an .xlsx download: a Chinese file name (RFC 5987), no sniffing, no caching. */
public final class ExcelDownload {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	public static final MediaType MEDIA_TYPE = MediaType.parseMediaType(CONTENT_TYPE);

	private ExcelDownload() {
	}

	public static HttpHeaders headers(String fileName) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MEDIA_TYPE);
		headers.setContentDisposition(disposition(fileName));
		headers.set("X-Content-Type-Options", "nosniff");
		headers.setCacheControl("no-store");
		return headers;
	}

	/** For a body written straight to the response: call before the first byte. */
	public static void prepare(HttpServletResponse response, String fileName) {
		headers(fileName).forEach((name, values) -> values.forEach(v -> response.setHeader(name, v)));
	}

	static ContentDisposition disposition(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build();
	}
}
