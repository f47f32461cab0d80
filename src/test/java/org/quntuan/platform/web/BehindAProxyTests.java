package org.quntuan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind nginx, which ends TLS and passes X-Forwarded-Proto and X-Forwarded-For: a sign-in through
 * the form gets a Secure session cookie and HSTS, and the audit log records the browser's address.
 * Plain sockets to the real server's port, since only Tomcat's valve reads those headers (MockMvc
 * never reaches it); the suite trusts 127.0.0.1 only, so 127.0.0.2 stands for anyone else.
 */
class BehindAProxyTests extends IntegrationTest {

	private static final String BROWSER = "203.0.113.7";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("(?im)^Set-Cookie: JSESSIONID=([^;\\r\\n]+)([^\\r\\n]*)$");

	@LocalServerPort
	int port;

	private record Response(String head, String body) {

		String sessionCookieAttributes() {
			Matcher m = SESSION.matcher(head);
			assertThat(m.find()).as("a session cookie in\n" + head).isTrue();
			return m.group(2);
		}

		String sessionId() {
			Matcher m = SESSION.matcher(head);
			assertThat(m.find()).as("a session cookie in\n" + head).isTrue();
			return m.group(1);
		}

		boolean hasHsts() {
			return head.toLowerCase().contains("\nstrict-transport-security:");
		}
	}

	@Test
	void aSignInThroughTheTrustedProxyOverTlsGetsASecureCookieHstsAndTheBrowsersAddressInTheAuditLog()
			throws Exception {
		Response page = send("127.0.0.1", "GET /login", List.of(), null);
		Response signedIn = signIn("127.0.0.1", page, "member1");

		assertThat(signedIn.head()).startsWith("HTTP/1.1 302");
		assertThat(signedIn.sessionCookieAttributes()).containsIgnoringCase("; Secure");
		assertThat(signedIn.hasHsts()).isTrue();
		assertThat(page.hasHsts()).isTrue();
		assertThat(lastSignInAddress("member1")).isEqualTo(BROWSER);
	}

	@Test
	void theSameHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
		Response page = send("127.0.0.2", "GET /login", List.of(), null);
		Response signedIn = signIn("127.0.0.2", page, "info1");

		assertThat(signedIn.head()).startsWith("HTTP/1.1 302");
		assertThat(signedIn.sessionCookieAttributes()).doesNotContainIgnoringCase("secure");
		assertThat(signedIn.hasHsts()).isFalse();
		assertThat(page.hasHsts()).isFalse();
		assertThat(lastSignInAddress("info1")).isEqualTo("127.0.0.2");
	}

	private Response signIn(String from, Response loginPage, String username) throws IOException {
		Matcher csrf = CSRF.matcher(loginPage.body());
		assertThat(csrf.find()).as("the login form's CSRF field").isTrue();
		String form = "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return send(from, "POST /login", List.of("Cookie: JSESSIONID=" + loginPage.sessionId(),
				"Content-Type: application/x-www-form-urlencoded"), form);
	}

	/** One HTTP/1.0 exchange (no chunking, the server closes) as nginx would forward it for {@link #BROWSER}. */
	private Response send(String from, String requestLine, List<String> headers, String body) throws IOException {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.0\r\nHost: quntuan.example.gov.cn\r\n")
			.append("X-Forwarded-Proto: https\r\nX-Forwarded-For: ").append(BROWSER).append("\r\n");
		headers.forEach(h -> request.append(h).append("\r\n"));
		request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			String text = read(socket.getInputStream());
			int split = text.indexOf("\r\n\r\n");
			return split < 0 ? new Response(text, "") : new Response(text.substring(0, split), text.substring(split + 4));
		}
	}

	private static String read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		return all.toString(StandardCharsets.UTF_8);
	}

	private String lastSignInAddress(String username) {
		return jdbc.sql("""
				select e.ip from audit_event e join account a on a.id = e.account_id
				where a.username = :u and e.type = 'LOGIN_SUCCESS' order by e.id desc fetch first 1 rows only""")
			.param("u", username).query(String.class).single();
	}
}
