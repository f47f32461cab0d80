package org.quntuan.identity;

import java.time.OffsetDateTime;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SignInTests extends IntegrationTest {

	private MvcResult tokenRequest(String username, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password))))
			.andReturn();
	}

	@Test
	void aNamedAccountGetsATokenAndSeesItsRolesWithMemberLast() throws Exception {
		MvcResult result = tokenRequest("orgadmin1", PASSWORD);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		JsonNode token = body(result);
		assertThat(token.get("token").asString()).hasSizeGreaterThan(30);
		assertThat(OffsetDateTime.parse(token.get("expiresAt").asString())).isAfter(OffsetDateTime.now(TestClock.CLOCK));

		JsonNode me = body(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.get("token").asString()))
			.andExpect(status().isOk()).andReturn());
		assertThat(me.get("username").asString()).isEqualTo("orgadmin1");
		assertThat(me.get("personId").asLong()).isEqualTo(personOf("orgadmin1"));
		JsonNode roles = me.get("roles");
		assertThat(roles.get(0).get("role").get("code").asString()).isEqualTo("ORG_ADMIN");
		assertThat(roles.get(0).get("orgName").asString()).isEqualTo("市财政局工会");
		assertThat(roles.get(0).get("orgType").get("label").asString()).isEqualTo("工会");
		assertThat(roles.get(roles.size() - 1).get("role").get("code").asString()).isEqualTo("MEMBER");
		assertThat(roles.get(roles.size() - 1).get("orgName").asString()).isEqualTo("市财政局");
	}

	@Test
	void anAccountWithoutAPersonHasNoMemberRole() throws Exception {
		JsonNode me = body(mvc.perform(get("/api/v1/me").header("Authorization", bearer("admin"))).andReturn());
		assertThat(me.get("personId").isNull()).isTrue();
		assertThat(me.get("roles")).hasSize(1);
		assertThat(me.get("roles").get(0).get("role").get("code").asString()).isEqualTo("FEDERATION_ADMIN");
	}

	@Test
	void aPersonSignsInWithTheirMobileNumber() throws Exception {
		String mobile = jdbc.sql("select p.mobile from person p join account a on a.person_id = p.id where a.username = 'member1'")
			.query(String.class).single();
		MvcResult result = tokenRequest(mobile, PASSWORD);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String token = body(result).get("token").asString();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.username").value("member1"));
	}

	@Test
	void unknownUserAndWrongPasswordGetTheSameProblem() throws Exception {
		MvcResult unknown = tokenRequest("nobody-here", PASSWORD);
		MvcResult wrong = tokenRequest("auditor1", "Wrong@2026");
		assertThat(unknown.getResponse().getStatus()).isEqualTo(401);
		assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
		assertThat(unknown.getResponse().getContentType()).contains("application/problem+json");
		assertThat(body(unknown).get("detail")).isEqualTo(body(wrong).get("detail"));
		jdbc.sql("update account set failed_attempts = 0 where username = 'auditor1'").update();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
		String mobile = jdbc.sql("""
				select p.mobile from person p join account a on a.person_id = p.id
				join org o on o.id = p.organ_id where a.username = p.mobile order by p.id desc fetch first 1 rows only""")
			.query(String.class).single();
		for (int i = 0; i < 5; i++) {
			assertThat(tokenRequest(mobile, "Wrong@" + i).getResponse().getStatus()).isEqualTo(401);
		}
		MvcResult locked = tokenRequest(mobile, PASSWORD);
		assertThat(locked.getResponse().getStatus()).isEqualTo(401);
		assertThat(body(locked).get("detail").asString()).isEqualTo(AccountAuthenticator.FAILURE_MESSAGE);
		OffsetDateTime until = jdbc.sql("select locked_until from account where username = :u").param("u", mobile)
			.query(OffsetDateTime.class).single();
		assertThat(until).isAfter(OffsetDateTime.now(TestClock.CLOCK).plusMinutes(29));
		long failures = jdbc.sql("select count(*) from audit_event where type = 'LOGIN_FAILURE' and actor = :u")
			.param("u", mobile).query(Long.class).single();
		assertThat(failures).isEqualTo(6);
	}

	@Test
	void aFailedSignInKeepsTheTypedNameOnlyWhenItIsAUsername() throws Exception {
		tokenRequest("Secret#Typed2026", PASSWORD);
		tokenRequest("13900000001x", PASSWORD);
		assertThat(jdbc.sql("select count(*) from audit_event where actor like '%Secret#Typed2026%' or actor like '%13900000001x%'")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select actor from audit_event where type = 'LOGIN_FAILURE' and detail = '账号不存在' order by id desc")
			.query(String.class).list().get(0)).isEqualTo(AccountAuthenticator.UNKNOWN_ACCOUNT);

		tokenRequest("info1", "Wrong@2026");
		assertThat(jdbc.sql("select actor from audit_event where type = 'LOGIN_FAILURE' order by id desc")
			.query(String.class).list().get(0)).isEqualTo("info1");
		jdbc.sql("update account set failed_attempts = 0 where username = 'info1'").update();
	}

	@Test
	void apiCallsWithoutOrWithAForgedTokenGet401Problems() throws Exception {
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", Matchers.containsString("problem+json")));
		mvc.perform(get("/api/v1/orgs/tree").header("Authorization", "Bearer forged-token"))
			.andExpect(status().isUnauthorized()).andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void anExpiredTokenNoLongerWorks() throws Exception {
		String token = body(tokenRequest("info1", PASSWORD)).get("token").asString();
		jdbc.sql("update api_token set expires_at = :past where token_hash = :h")
			.param("past", OffsetDateTime.now(TestClock.CLOCK).minusMinutes(1)).param("h", ApiTokens.hash(token)).update();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void theFormSignsInWithANewSessionIdAndOneMessageForEveryFailure() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", "group3").param("password", "nope"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").with(csrf()).param("username", "nobody").param("password", "nope"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login?error")).andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.containsString("账号或密码错误")));
		MockHttpSession before = new MockHttpSession();
		String idBefore = before.getId();
		MvcResult result = mvc.perform(post("/login").session(before).with(csrf())
			.param("username", "group3").param("password", PASSWORD)).andExpect(redirectedUrl("/")).andReturn();
		assertThat(result.getRequest().getSession().getId()).isNotEqualTo(idBefore);
		jdbc.sql("update account set failed_attempts = 0 where username = 'group3'").update();
	}

	@Test
	void aPostWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "admin").param("password", PASSWORD))
			.andExpect(status().isForbidden());
		MockHttpSession session = login("admin");
		long root = orgId("市直机关工委");
		mvc.perform(post("/orgs/" + root + "/rename").session(session).param("name", "改名").param("version", "0"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select name from org where id = :id").param("id", root).query(String.class).single())
			.isEqualTo("市直机关工委");
	}

	@Test
	void pagesSendSecurityHeadersAndAnonymousVisitorsGoToTheLoginPage() throws Exception {
		mvc.perform(get("/orgs")).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", Matchers.endsWith("/login")));
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void signInsAreWrittenToTheAuditLog() throws Exception {
		long before = jdbc.sql("select count(*) from audit_event where type = 'LOGIN_SUCCESS' and actor = 'group4'")
			.query(Long.class).single();
		login("group4");
		long after = jdbc.sql("select count(*) from audit_event where type = 'LOGIN_SUCCESS' and actor = 'group4'")
			.query(Long.class).single();
		assertThat(after).isEqualTo(before + 1);
	}
}
