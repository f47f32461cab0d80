package org.quntuan.platform.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.util.StreamUtils;

/**
 * A request whose JSON (or empty) body is read once, up front, and served again to whoever reads it
 * after. Any other body (a multipart upload, a form) is left to the container, which parses it
 * itself; then only its type and length stand for it.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	CachedBodyRequest(HttpServletRequest request) throws IOException {
		super(request);
		String type = request.getContentType();
		if (type == null || type.toLowerCase().contains("json")) {
			this.body = StreamUtils.copyToByteArray(request.getInputStream());
		}
		else {
			this.body = null;
		}
	}

	/** What stands for the body in a fingerprint. */
	byte[] body() {
		return body != null ? body
				: (getContentType() + ";" + getContentLengthLong()).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (body == null) {
			return super.getInputStream();
		}
		ByteArrayInputStream in = new ByteArrayInputStream(body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] b, int off, int len) {
				return in.read(b, off, len);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				// the whole body is here already: it is available, and then all read
				try {
					listener.onDataAvailable();
					listener.onAllDataRead();
				}
				catch (IOException ex) {
					listener.onError(ex);
				}
			}
		};
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (body == null) {
			return super.getReader();
		}
		String encoding = getCharacterEncoding();
		Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}
}
