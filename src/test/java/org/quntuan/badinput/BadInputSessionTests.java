package org.quntuan.badinput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sessions and tokens that should not work: page posts without a CSRF token, expired tokens, locked
 * accounts, sessions after sign-out. (A disabled account's session: the account administration tests;
 * the token-endpoint lockout: {@code SignInTests}.)
 */
class BadInputSessionTests extends BadInputTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private List<String> pagePosts() {
		TreeSet<String> posts = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				info.getPatternValues().stream().filter(p -> !p.startsWith("/api/")).forEach(posts::add);
			}
		}
		posts.add("/login");
		posts.add("/logout");
		return new ArrayList<>(posts);
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> s = new LinkedHashMap<>(rows());
		s.put("orgs", jdbc.sql("select sum(version) from org").query(Long.class).single());
		s.put("people", jdbc.sql("select sum(version) from person").query(Long.class).single());
		s.put("unread", jdbc.sql("select count(*) from notification where read_at is null").query(Long.class).single());
		s.put("passwords", jdbc.sql("select count(distinct password_hash) from account").query(Long.class).single());
		return s;
	}

	@Test
	void everyPagePostWithoutACsrfTokenIsRefusedAndChangesNothing() throws Exception {
		MockHttpSession admin = login("admin");
		long org = orgId("市财政局");
		long person = personOf("member1");
		Map<String, Object> before = snapshot();
		List<String> posts = pagePosts();
		assertThat(posts).contains("/members", "/orgs/{id}/rename", "/members/import");
		for (String pattern : posts) {
			String url = pattern.replaceAll("\\{[^}]+\\}", String.valueOf(pattern.startsWith("/members") ? person : org));
			MvcResult result = mvc.perform(post(url).session(admin).param("name", "改名").param("version", "0")
				.param("reason", "无令牌").param("toOrganId", String.valueOf(org)).param("username", "admin")
				.param("password", PASSWORD)).andReturn();
			assertThat(result.getResponse().getStatus()).as(url).isEqualTo(403);
			// with a forged token too
			MvcResult forged = mvc.perform(post(url).session(admin).param("_csrf", "forged").param("name", "改名")
				.param("version", "0")).andReturn();
			assertThat(forged.getResponse().getStatus()).as(url + " forged").isEqualTo(403);
		}
		assertThat(snapshot()).isEqualTo(before);
		assertThat(orgName(org)).isEqualTo("市财政局");
		// the session survived: the refused posts did not sign it out
		assertThat(mvc.perform(get("/members").session(admin)).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void anExpiredTokenCannotWrite() throws Exception {
		MvcResult issued = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"group2\",\"password\":\"" + PASSWORD + "\"}")).andReturn();
		String token = body(issued).get("token").asString();
		jdbc.sql("update api_token set expires_at = :past where token_hash = :h")
			.param("past", OffsetDateTime.now(TestClock.CLOCK).minusSeconds(1))
			.param("h", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)))).update();
		Map<String, Long> before = rows();
		MvcResult result = mvc.perform(post("/api/v1/members").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(newPerson(orgId("市教育局"))))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void fiveWrongPasswordsOnTheFormLockTheAccount() throws Exception {
		// the token endpoint's lockout is SignInTests; here the form, on an account of its own
		String mobile = jdbc.sql("""
				select p.mobile from person p join account a on a.person_id = p.id
				where a.username = p.mobile order by p.id desc offset 1 rows fetch first 1 rows only""")
			.query(String.class).single();
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).param("username", mobile).param("password", "Wrong@" + i));
		}
		MvcResult locked = mvc.perform(post("/login").with(csrf()).param("username", mobile).param("password", PASSWORD))
			.andReturn();
		assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(jdbc.sql("select locked_until from account where username = :u").param("u", mobile)
			.query(OffsetDateTime.class).single()).isAfter(OffsetDateTime.now(TestClock.CLOCK));
	}

	@Test
	void aSignedOutSessionCannotBeReused() throws Exception {
		MockHttpSession session = login("group5");
		assertThat(mvc.perform(get("/members").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		MvcResult out = mvc.perform(post("/logout").session(session).with(csrf())).andReturn();
		assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
		assertThat(session.isInvalid()).isTrue();

		Map<String, Long> before = rows();
		MvcResult reused = mvc.perform(get("/members").session(session)).andReturn();
		assertThat(reused.getResponse().getStatus()).isEqualTo(302);
		assertThat(reused.getResponse().getRedirectedUrl()).endsWith("/login");
		MvcResult write = mvc.perform(post("/members").session(session).with(csrf()).param("name", "退出后")).andReturn();
		assertThat(write.getResponse().getStatus()).isEqualTo(302);
		assertThat(write.getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aControlCharacterInASignInNameIsAnOrdinaryFailure() throws Exception {
		MvcResult result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"nob\\u0000ody-x\",\"password\":\"x\"}")).andReturn();
		assertChineseProblem(result, 401);
		MvcResult form = mvc.perform(post("/login").with(csrf()).param("username", "nob\u0000ody-x").param("password", "x"))
			.andReturn();
		assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
	}
}
