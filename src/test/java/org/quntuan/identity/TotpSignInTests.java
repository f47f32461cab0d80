package org.quntuan.identity;

import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

class TotpSignInTests extends IntegrationTest {

	@Autowired
	PasswordEncoder encoder;

	private static String codeNow(String secret) {
		return codeAt(secret, 0);
	}

	/** The code of a step before or after now, all within the accepted window; each code works once. */
	private static String codeAt(String secret, int steps) {
		return Totp.code(Totp.fromBase32(secret), Instant.now(TestClock.CLOCK).getEpochSecond() / Totp.STEP_SECONDS + steps,
				Totp.DIGITS);
	}

	private static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 500000) % 1000000);
	}

	private MvcResult passwordStep(MockHttpSession session, String username) throws Exception {
		return mvc.perform(post("/login").session(session).with(csrf()).param("username", username)
			.param("password", PASSWORD)).andReturn();
	}

	private MvcResult tokenRequest(String username, String code) throws Exception {
		Map<String, String> body = new HashMap<>(Map.of("username", username, "password", PASSWORD));
		if (code != null) {
			body.put("code", code);
		}
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andReturn();
	}

	@Test
	void anEnrolledAccountSignsInOnlyWithItsDynamicCode() throws Exception {
		String username = AccountAdministrationTests.newUsername("totp");
		MvcResult created = mvc.perform(post("/api/v1/accounts").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "displayName", "两步验证")))).andReturn();
		long id = body(created).get("id").asLong();
		jdbc.sql("update account set password_hash = :h, must_change_password = false where id = :id")
			.param("h", encoder.encode(PASSWORD)).param("id", id).update();
		acceptRules(id);

		// enrolment: the secret is shown as text and as an otpauth URI, and confirmed with a first code
		MockHttpSession session = login(username);
		MvcResult page = mvc.perform(get("/account/totp").session(session)).andReturn();
		String secret = (String) page.getModelAndView().getModel().get("secret");
		assertThat(page.getResponse().getContentAsString()).contains(secret).contains("otpauth://totp/");
		mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", wrong(codeNow(secret))));
		assertThat(jdbc.sql("select totp_secret from account where id = :id").param("id", id).query(String.class)
			.optional()).isEmpty();
		MvcResult enrolled = mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", codeAt(secret, -1)))
			.andReturn();
		assertThat(enrolled.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(jdbc.sql("select totp_secret from account where id = :id").param("id", id).query(String.class).single())
			.isEqualTo(secret);

		// the form: after the password, only the code page, until the right code
		MockHttpSession next = new MockHttpSession();
		MvcResult step1 = passwordStep(next, username);
		assertThat(step1.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
		next = (MockHttpSession) step1.getRequest().getSession();
		assertThat(mvc.perform(get("/").session(next)).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(mvc.perform(get("/login/totp").session(next)).andReturn().getResponse().getStatus()).isEqualTo(200);
		String again = mvc.perform(post("/login/totp").session(next).with(csrf()).param("code", wrong(codeNow(secret))))
			.andReturn().getResponse().getContentAsString();
		assertThat(again).contains("动态验证码不正确");
		MvcResult signedIn = mvc.perform(post("/login/totp").session(next).with(csrf()).param("code", codeNow(secret)))
			.andReturn();
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(mvc.perform(get("/").session(next)).andReturn().getResponse().getStatus()).isEqualTo(200);

		// the API: 401 without a valid code, a token with one
		MvcResult noCode = tokenRequest(username, null);
		assertThat(noCode.getResponse().getStatus()).isEqualTo(401);
		assertThat(body(noCode).get("detail").asString()).isEqualTo("需要动态验证码");
		String next30s = codeAt(secret, 1);
		assertThat(tokenRequest(username, next30s).getResponse().getStatus()).isEqualTo(200);
		// a code is good once: the same one again, or the one already used for the form, is refused
		assertThat(tokenRequest(username, next30s).getResponse().getStatus()).isEqualTo(401);
		assertThat(tokenRequest(username, codeNow(secret)).getResponse().getStatus()).isEqualTo(401);
		// (the two replays counted as failed codes; start the guessing below from zero)
		assertThat(jdbc.sql("select totp_failures from account where username = :u").param("u", username)
			.query(Integer.class).single()).isEqualTo(2);
		jdbc.sql("update account set totp_failures = 0 where username = :u").param("u", username).update();

		// five wrong codes in one sign-in: back to the login page
		MockHttpSession guesser = new MockHttpSession();
		guesser = (MockHttpSession) passwordStep(guesser, username).getRequest().getSession();
		MvcResult last = null;
		for (int i = 0; i < 5; i++) {
			last = mvc.perform(post("/login/totp").session(guesser).with(csrf()).param("code", wrong(codeNow(secret))))
				.andReturn();
		}
		assertThat(last.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(mvc.perform(get("/login/totp").session(guesser)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login");
	}
}
