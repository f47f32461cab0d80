package org.quntuan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code quntuan.sessions.store=jdbc} a signed-in page session lives in the database: any node
 * reading the same database serves it (here a second client holding only the cookie), a flash message
 * travels through it, and it is gone for every node once its row is.
 */
@TestPropertySource(properties = "quntuan.sessions.store=jdbc")
class SessionStoreTests extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aSignedInSessionIsKeptInTheDatabaseAndServedFromItAlone() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient node1 = HttpClient.newBuilder().cookieHandler(cookies).build();
		String login = node1.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> signedIn = node1.send(post("/login", "username=member1&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(login)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
			.map(HttpCookie::getValue).findFirst().orElseThrow();
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'member1'").query(Long.class)
			.single()).isPositive();

		// another node: a client that has nothing but the cookie
		HttpClient node2 = HttpClient.newBuilder().build();
		HttpResponse<String> inbox = node2.send(HttpRequest.newBuilder(uri("/inbox")).header("Cookie", "SESSION=" + session)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(inbox.statusCode()).isEqualTo(200);

		// a flash message set on one request is read on the next, through the stored session
		HttpResponse<String> marked = node2.send(HttpRequest.newBuilder(uri("/inbox/read-all"))
			.header("Cookie", "SESSION=" + session).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(inbox.body()))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(marked.statusCode()).isEqualTo(302);
		String after = node1.send(get("/inbox"), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(after).contains("alert-success");

		jdbc.sql("delete from spring_session where principal_name = 'member1'").update();
		HttpResponse<String> gone = node1.send(get("/inbox"), HttpResponse.BodyHandlers.ofString());
		assertThat(gone.statusCode()).isEqualTo(302);
		assertThat(gone.headers().firstValue("Location").orElse("")).contains("/login");
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF field on the page").isTrue();
		return URLEncoder.encode(m.group(1) != null ? m.group(1) : m.group(2), StandardCharsets.UTF_8);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(uri(path)).build();
	}

	private HttpRequest post(String path, String form) {
		return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build();
	}
}
