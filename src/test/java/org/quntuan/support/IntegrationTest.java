package org.quntuan.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Tag;
import org.quntuan.approval.TestFlows;
import org.quntuan.notification.CapturedTexts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * One application context for every integration test (so the suite stays fast): the real server on a
 * random port, the small demo data set, H2 or PostgreSQL as {@link TestDatabase} decides; metrics are
 * exported to Prometheus as in production (OperationsTests reads them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ CapturedTexts.class, TestFlows.class, TestClock.class })
@AutoConfigureMockMvc
@AutoConfigureMetrics
@ActiveProfiles({ "demo", "test" })
@Tag("integration")
public abstract class IntegrationTest {

	public static final String PASSWORD = "Demo@2026";

	private static final Map<String, String> TOKENS = new HashMap<>();

	private static final Map<String, Authentication> AUTHENTICATIONS = new HashMap<>();

	@Autowired
	private AuthenticationConfiguration authentication;

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JsonMapper json;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	/** A bearer token for a demo account, obtained once through the real token endpoint. */
	protected String token(String username) throws Exception {
		synchronized (TOKENS) {
			String cached = TOKENS.get(username + "@" + TestDatabase.isPostgres());
			if (cached != null) {
				return cached;
			}
		}
		MvcResult result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")).andReturn();
		if (result.getResponse().getStatus() != 200) {
			throw new IllegalStateException("token for " + username + ": " + result.getResponse().getContentAsString());
		}
		String token = json.readTree(result.getResponse().getContentAsString()).get("token").asString();
		synchronized (TOKENS) {
			TOKENS.put(username + "@" + TestDatabase.isPostgres(), token);
		}
		return token;
	}

	protected String bearer(String username) throws Exception {
		return "Bearer " + token(username);
	}

	/** A signed-in page session, through the real login form. */
	protected MockHttpSession login(String username) throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult result = mvc.perform(post("/login").session(session).with(csrf())
			.param("username", username).param("password", PASSWORD)).andReturn();
		if (!"/".equals(result.getResponse().getRedirectedUrl())) {
			throw new IllegalStateException("login of " + username + " went to " + result.getResponse().getRedirectedUrl());
		}
		return (MockHttpSession) result.getRequest().getSession();
	}

	/** A fresh account accepts the rules of personal-information processing, as at its first sign-in. */
	protected void acceptRules(long accountId) {
		jdbc.sql("insert into consent (account_id, kind, version, given_at) values (:a, 'PRIVACY_RULES', '2026-11', current_timestamp)")
			.param("a", accountId).update();
	}

	protected JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString());
	}

	protected long orgId(String name) {
		return jdbc.sql("select id from org where name = :n").param("n", name).query(Long.class).single();
	}

	/**
	 * Runs code as a signed-in demo account, outside any request (for calling facades directly);
	 * the sign-in goes through the real authentication manager once per account.
	 */
	protected <T> T as(String username, Callable<T> work) throws Exception {
		Authentication auth;
		synchronized (AUTHENTICATIONS) {
			auth = AUTHENTICATIONS.get(username + "@" + TestDatabase.isPostgres());
			if (auth == null) {
				auth = authentication.getAuthenticationManager().authenticate(
						UsernamePasswordAuthenticationToken.unauthenticated(username,
								PASSWORD));
				AUTHENTICATIONS.put(username + "@" + TestDatabase.isPostgres(), auth);
			}
		}
		SecurityContext previous = SecurityContextHolder
			.getContext();
		SecurityContext context = SecurityContextHolder
			.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		try {
			return work.call();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	protected long personOf(String username) {
		return jdbc.sql("select person_id from account where username = :u").param("u", username).query(Long.class)
			.single();
	}
}
