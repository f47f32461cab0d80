package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

/** Disabling ends sessions and tokens at once; an admin-issued password must be changed before anything else. */
class AccountStatusTests extends IntegrationTest {

	@Autowired
	PasswordEncoder encoder;

	private record Created(long id, String username, String oneTimePassword) {
	}

	private Created create() throws Exception {
		String username = AccountAdministrationTests.newUsername("status");
		MvcResult result = mvc.perform(post("/api/v1/accounts").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "displayName", "状态测试")))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		return new Created(body(result).get("id").asLong(), username, body(result).get("oneTimePassword").asString());
	}

	/** As if the owner had already changed the one-time password to the demo password. */
	private void settle(long id) {
		jdbc.sql("update account set password_hash = :h, must_change_password = false where id = :id")
			.param("h", encoder.encode(PASSWORD)).param("id", id).update();
		acceptRules(id);
	}

	private String tokenOf(String username, String password) throws Exception {
		MvcResult result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password)))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return "Bearer " + body(result).get("token").asString();
	}

	/** A change to an account, with the account's current version as a page or client would send it. */
	private int adminPost(String path) throws Exception {
		long id = Long.parseLong(path.split("/")[4]);
		return mvc.perform(post(path).header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + versionOf(id) + "}")).andReturn().getResponse().getStatus();
	}

	private int versionOf(long accountId) {
		return jdbc.sql("select version from account where id = :id").param("id", accountId).query(Integer.class).single();
	}

	@Test
	void aDisabledAccountsSessionAndTokenStopWorkingAtOnceAndStayDeadAfterReEnabling() throws Exception {
		Created account = create();
		settle(account.id());
		MockHttpSession session = login(account.username());
		MockHttpSession laterVictim = login(account.username());
		String token = tokenOf(account.username(), PASSWORD);
		assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/api/v1/me").header("Authorization", token)).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		assertThat(adminPost("/api/v1/accounts/" + account.id() + "/disable")).isEqualTo(204);

		MvcResult page = mvc.perform(get("/orgs").session(session)).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(302);
		assertThat(page.getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(session.isInvalid()).isTrue();
		assertThat(mvc.perform(get("/api/v1/me").header("Authorization", token)).andReturn().getResponse().getStatus())
			.isEqualTo(401);

		assertThat(adminPost("/api/v1/accounts/" + account.id() + "/enable")).isEqualTo(204);
		// a session signed in before the account was disabled does not come back, nor does the token
		assertThat(mvc.perform(get("/").session(laterVictim)).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(mvc.perform(get("/api/v1/me").header("Authorization", token)).andReturn().getResponse().getStatus())
			.isEqualTo(401);
		assertThat(mvc.perform(get("/").session(login(account.username()))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'ACCOUNT' and object_id = :id and detail like '停用%'")
			.param("id", String.valueOf(account.id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aOneTimePasswordLeadsEveryPageToTheChangePageAndEveryApiCallTo403UntilChanged() throws Exception {
		Created account = create();
		MockHttpSession session = new MockHttpSession();
		MvcResult signIn = mvc.perform(post("/login").session(session).with(csrf()).param("username", account.username())
			.param("password", account.oneTimePassword())).andReturn();
		assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		session = (MockHttpSession) signIn.getRequest().getSession();
		for (String page : new String[] { "/", "/orgs", "/members", "/accounts" }) {
			assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getRedirectedUrl()).as(page)
				.isEqualTo("/password/change");
		}
		assertThat(mvc.perform(get("/password/change").session(session)).andReturn().getResponse().getContentAsString())
			.contains("修改初始密码");
		assertThat(mvc.perform(get("/css/app.css").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

		String token = tokenOf(account.username(), account.oneTimePassword());
		MvcResult refused = mvc.perform(get("/api/v1/orgs/tree").header("Authorization", token)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(refused).get("detail").asString()).isEqualTo("请先修改初始密码");
		assertThat(mvc.perform(get("/api/v1/me").header("Authorization", token)).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		String mismatch = mvc.perform(post("/password/change").session(session).with(csrf())
			.param("currentPassword", account.oneTimePassword()).param("newPassword", "Neu@Pass2026")
			.param("confirmPassword", "Other@2026")).andReturn().getResponse().getContentAsString();
		assertThat(mismatch).contains("两次输入的新密码不一致");
		String weak = mvc.perform(post("/password/change").session(session).with(csrf())
			.param("currentPassword", account.oneTimePassword()).param("newPassword", "short")
			.param("confirmPassword", "short")).andReturn().getResponse().getContentAsString();
		assertThat(weak).contains("密码长度");
		MvcResult changed = mvc.perform(post("/password/change").session(session).with(csrf())
			.param("currentPassword", account.oneTimePassword()).param("newPassword", "Neu@Pass2026")
			.param("confirmPassword", "Neu@Pass2026")).andReturn();
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/");
		// a first sign-in then reads and accepts the rules of personal-information processing
		assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/consent");
		mvc.perform(post("/consent").session(session).with(csrf()).param("agree", "true"));
		assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		// a changed password ends the tokens issued before it; a new one works
		assertThat(mvc.perform(get("/api/v1/orgs/tree").header("Authorization", token)).andReturn().getResponse()
			.getStatus()).isEqualTo(401);
		token = tokenOf(account.username(), "Neu@Pass2026");
		assertThat(mvc.perform(get("/api/v1/orgs/tree").header("Authorization", token)).andReturn().getResponse()
			.getStatus()).isEqualTo(200);

		// a reset by the admin forces the change again, and the old token is gone
		MvcResult reset = mvc.perform(post("/api/v1/accounts/" + account.id() + "/reset-password")
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + versionOf(account.id()) + "}")).andReturn();
		assertThat(reset.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(reset).get("oneTimePassword").asString()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(mvc.perform(get("/api/v1/me").header("Authorization", token)).andReturn().getResponse().getStatus())
			.isEqualTo(401);
		assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/password/change");
	}
}
