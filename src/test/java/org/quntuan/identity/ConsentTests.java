package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The rules of personal-information processing are accepted before the platform is used. */
class ConsentTests extends IntegrationTest {

	@Autowired
	PasswordEncoder encoder;

	/** A new account as an admin would create it, with its first password already changed. */
	private String freshAccount() throws Exception {
		String username = AccountAdministrationTests.newUsername("consent");
		long id = body(mvc.perform(post("/api/v1/accounts").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "displayName", "同意测试")))).andReturn())
			.get("id").asLong();
		jdbc.sql("update account set password_hash = :h, must_change_password = false where id = :id")
			.param("h", encoder.encode(PASSWORD)).param("id", id).update();
		return username;
	}

	@Test
	void aNewAccountReadsAndAcceptsTheRulesBeforeAnyPage() throws Exception {
		String username = freshAccount();
		MockHttpSession session = login(username);
		mvc.perform(get("/orgs").session(session)).andExpect(redirectedUrl("/consent"));
		mvc.perform(get("/consent").session(session)).andExpect(status().isOk());
		mvc.perform(post("/consent").session(session).with(csrf())).andExpect(redirectedUrl("/consent"));
		mvc.perform(get("/orgs").session(session)).andExpect(redirectedUrl("/consent"));
		mvc.perform(post("/consent").session(session).with(csrf()).param("agree", "true")).andExpect(redirectedUrl("/"));
		mvc.perform(get("/orgs").session(session)).andExpect(status().isOk());
		assertThat(jdbc.sql("""
				select count(*) from consent c join account a on a.id = c.account_id
				where a.username = :u and c.kind = 'PRIVACY_RULES' and c.withdrawn_at is null""")
			.param("u", username).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theApiTellsTheAppAndTakesTheConsent() throws Exception {
		String username = freshAccount();
		String token = "Bearer " + body(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")).andReturn()).get("token").asString();
		mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(jsonPath("$.consentRequired").value(true));
		mvc.perform(post("/api/v1/me/consents").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"个人信息处理规则\",\"given\":true}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.content[0].kind.code").value("PRIVACY_RULES"))
			.andExpect(jsonPath("$.content[0].current").value(true));
		mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(jsonPath("$.consentRequired").value(false));
		mvc.perform(post("/api/v1/me/consents").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"PRIVACY_RULES\",\"given\":false}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.content[0].withdrawnAt").isNotEmpty());
		mvc.perform(get("/api/v1/me/consents").param("size", "1").header("Authorization", token)).andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1)).andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.content[0].kind.code").value("PRIVACY_RULES"));
		mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(jsonPath("$.consentRequired").value(true));
		mvc.perform(post("/api/v1/me/consents").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"PRIVACY_RULES\",\"given\":false}")).andExpect(status().isUnprocessableContent());
	}

	@Test
	void withdrawingOnTheMePageAsksAgainAndTheHistoryStays() throws Exception {
		String username = freshAccount();
		MockHttpSession session = login(username);
		mvc.perform(post("/consent").session(session).with(csrf()).param("agree", "true"));
		mvc.perform(post("/me/consents/withdraw").session(session).with(csrf())).andExpect(redirectedUrl("/me"));
		mvc.perform(get("/me").session(session)).andExpect(redirectedUrl("/consent"));
		mvc.perform(post("/consent").session(session).with(csrf()).param("agree", "true"));
		String me = mvc.perform(get("/me").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(me).contains("个人信息处理规则").contains("撤回于");
		assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and detail like '%个人信息处理规则%'")
			.param("u", username).query(Long.class).single()).isEqualTo(3);
		mvc.perform(post("/me/consents/withdraw")).andExpect(status().isForbidden());
	}

	@Test
	void demoAccountsHaveAcceptedTheCurrentRules() throws Exception {
		mvc.perform(get("/orgs").session(login("member1"))).andExpect(status().isOk());
	}
}
