package org.quntuan.identity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quntuan.notification.CapturedTexts;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PasswordSelfServiceTests extends IntegrationTest {

	/** A demo person's account that no other test signs in with. */
	private String someone(int fromTheEnd) {
		return jdbc.sql("""
				select a.username from account a join person p on p.id = a.person_id
				where a.username = p.mobile order by p.id desc offset :n rows fetch next 1 rows only""")
			.param("n", 10 + fromTheEnd).query(String.class).single();
	}

	private int tokenStatus(String username, String password) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.andReturn().getResponse().getStatus();
	}

	/** The code as the phone received it; the database keeps only "******". */
	@org.springframework.beans.factory.annotation.Autowired
	private ResetCodeSender sender;

	private String lastCode(String username) throws InterruptedException {
		assertThat(sender.awaitIdle(Duration.ofSeconds(10))).as("codes sent").isTrue();
		long account = jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class)
			.single();
		String body = CapturedTexts.lastTo(account).orElseThrow().body();
		String stored = jdbc.sql("""
				select body from notification where recipient_account_id = :a and channel = 'SMS' order by id desc
				fetch first 1 rows only""").param("a", account).query(String.class).single();
		assertThat(stored).contains("******").doesNotContainPattern("\\d{6}");
		Matcher code = Pattern.compile("\\d{6}").matcher(body);
		assertThat(code.find()).as(body).isTrue();
		return code.group();
	}

	@Test
	void anOwnerChangesTheirPasswordThroughTheApi() throws Exception {
		String user = someone(0);
		String token = "Bearer " + body(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).andReturn()).get("token").asString();
		mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"wrong\",\"newPassword\":\"New#Pass2026\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
		mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("newPassword"));
		mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"alllowercase1\"}"))
			.andExpect(status().isBadRequest());
		assertThat(tokenStatus(user, PASSWORD)).isEqualTo(200);
		mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"New#Pass2026\"}"))
			.andExpect(status().isNoContent());
		assertThat(tokenStatus(user, PASSWORD)).isEqualTo(401);
		assertThat(tokenStatus(user, "New#Pass2026")).isEqualTo(200);
	}

	@Test
	void aForgottenPasswordIsResetWithACodeThatWorksOnce() throws Exception {
		String user = someone(1);
		mvc.perform(post("/api/v1/auth/password-reset/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\"}")).andExpect(status().isOk());
		String code = lastCode(user);
		assertThat(code).hasSize(6);
		String wrong = code.equals("000000") ? "111111" : "000000";
		mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"code\":\"" + wrong + "\",\"newPassword\":\"Reset#2026ok\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(VerificationCodes.WRONG_CODE));
		mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"code\":\"" + code + "\",\"newPassword\":\"Reset#2026ok\"}"))
			.andExpect(status().isNoContent());
		assertThat(tokenStatus(user, "Reset#2026ok")).isEqualTo(200);
		mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"code\":\"" + code + "\",\"newPassword\":\"Again#2026ok\"}"))
			.andExpect(status().isBadRequest());
		assertThat(tokenStatus(user, "Again#2026ok")).isEqualTo(401);
	}

	@Test
	void codesAreRateLimitedExpireAndNeverRevealWhetherAnAccountExists() throws Exception {
		String user = someone(2);
		String send = "{\"username\":\"" + user + "\"}";
		mvc.perform(post("/api/v1/auth/password-reset/code").contentType(MediaType.APPLICATION_JSON).content(send))
			.andExpect(status().isOk());
		// asking again within the minute sends nothing, and answers as for an unknown account
		String firstCode = lastCode(user);
		mvc.perform(post("/api/v1/auth/password-reset/code").contentType(MediaType.APPLICATION_JSON).content(send))
			.andExpect(status().isOk());
		assertThat(sender.awaitIdle(Duration.ofSeconds(10))).isTrue();
		assertThat(jdbc.sql("select count(*) from verification_code where account_id = (select id from account where username = :u)")
			.param("u", user).query(Long.class).single()).isEqualTo(1);
		assertThat(lastCode(user)).isEqualTo(firstCode);
		String unknown = body(mvc.perform(post("/api/v1/auth/password-reset/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"nobody-at-all\"}")).andExpect(status().isOk()).andReturn()).get("message").asString();
		assertThat(unknown).isEqualTo(MyAccountApiController.CODE_SENT.get("message"));

		String code = lastCode(user);
		jdbc.sql("update verification_code set expires_at = :past where account_id = (select id from account where username = :u)")
			.param("past", OffsetDateTime.now(TestClock.CLOCK).minusSeconds(1)).param("u", user).update();
		mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"code\":\"" + code + "\",\"newPassword\":\"Reset#2026ok\"}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void fiveWrongCodesSpendTheCode() throws Exception {
		String user = someone(3);
		mvc.perform(post("/api/v1/auth/password-reset/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\"}")).andExpect(status().isOk());
		String code = lastCode(user);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < VerificationCodes.MAX_ATTEMPTS; i++) {
			mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + user + "\",\"code\":\"" + wrong + "\",\"newPassword\":\"Reset#2026ok\"}"))
				.andExpect(status().isBadRequest());
		}
		mvc.perform(post("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"code\":\"" + code + "\",\"newPassword\":\"Reset#2026ok\"}"))
			.andExpect(status().isBadRequest());
		assertThat(tokenStatus(user, PASSWORD)).isEqualTo(200);
	}

	@Test
	void theMePageShowsTheAccountAndOwnSignInsAndChangesThePassword() throws Exception {
		String user = someone(4);
		var session = login(user);
		var elsewhere = login(user);
		mvc.perform(get("/me").session(session)).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(user)))
			.andExpect(content().string(Matchers.containsString("登录成功")));
		mvc.perform(post("/me/password").session(session).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "Mine#2026pw").param("confirmPassword", "Other#2026pw"))
			.andExpect(redirectedUrl("/me"));
		assertThat(tokenStatus(user, PASSWORD)).isEqualTo(200);
		mvc.perform(post("/me/password").session(session).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "Mine#2026pw").param("confirmPassword", "Mine#2026pw"))
			.andExpect(redirectedUrl("/me"));
		assertThat(tokenStatus(user, "Mine#2026pw")).isEqualTo(200);
		// the session that changed it goes on; another one signed in before the change ends
		mvc.perform(get("/me").session(session)).andExpect(status().isOk());
		assertThat(mvc.perform(get("/me").session(elsewhere)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void theMobileCodeStepStaysOnThePageThroughAReloadUntilTheNumberIsChanged() throws Exception {
		String user = someone(6);
		var session = login(user);
		String fresh = "198" + String.format("%08d", Math.abs(user.hashCode()) % 100_000_000);
		mvc.perform(post("/me/mobile/code").session(session).with(csrf()).param("currentPassword", PASSWORD)
			.param("mobile", fresh)).andExpect(redirectedUrl("/me"));
		String code = lastCode(user);
		// the flash is gone after the first view; a reload still offers the code field for that number
		mvc.perform(get("/me").session(session)).andExpect(content().string(Matchers.containsString("id=\"mobile-code\"")));
		mvc.perform(get("/me").session(session)).andExpect(content().string(Matchers.containsString("id=\"mobile-code\"")))
			.andExpect(content().string(Matchers.containsString("value=\"" + fresh + "\"")));
		mvc.perform(post("/me/mobile").session(session).with(csrf()).param("mobile", fresh).param("code", code))
			.andExpect(redirectedUrl("/me"));
		assertThat(jdbc.sql("select p.mobile from person p join account a on a.person_id = p.id where a.username = :u")
			.param("u", user).query(String.class).single()).isEqualTo(fresh);
		mvc.perform(get("/me").session(session))
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"mobile-code\""))));
	}

	@Test
	void theForgotPasswordPagesArePublicAndInChinese() throws Exception {
		mvc.perform(get("/password/forgot")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("获取验证码")));
		mvc.perform(post("/password/forgot").with(csrf()).param("username", "nobody-at-all")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("验证码已发送")));
		mvc.perform(post("/password/reset").with(csrf()).param("username", "nobody-at-all").param("code", "123456")
			.param("newPassword", "Reset#2026ok").param("confirmPassword", "Reset#2026ok"))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("验证码不正确")));
	}

	@Test
	void aPersonChangesTheirMobileWithACodeSentToTheNewNumber() throws Exception {
		String user = someone(5);
		String token = "Bearer " + body(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).andReturn()).get("token").asString();
		String taken = jdbc.sql("select mobile from person where active = true order by id fetch first 1 rows only")
			.query(String.class).single();
		mvc.perform(post("/api/v1/me/mobile/code").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mobile\":\"" + taken + "\",\"currentPassword\":\"" + PASSWORD + "\"}")).andExpect(status().isConflict());
		// that try counted against the limit of one code a minute: let the minute pass
		jdbc.sql("update verification_code set created_at = :past where account_id = (select id from account where username = :u)")
			.param("past", OffsetDateTime.now(TestClock.CLOCK).minusMinutes(2)).param("u", user).update();
		String fresh = "199" + String.format("%08d", Math.abs(user.hashCode()) % 100_000_000);
		mvc.perform(post("/api/v1/me/mobile/code").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mobile\":\"" + fresh + "\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/me/mobile/code").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mobile\":\"" + fresh + "\",\"currentPassword\":\"" + PASSWORD + "\"}")).andExpect(status().isOk());
		String code = lastCode(user);
		// the code proves this number only
		mvc.perform(post("/api/v1/me/mobile").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mobile\":\"19900000000\",\"code\":\"" + code + "\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/me/mobile").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mobile\":\"" + fresh + "\",\"code\":\"" + code + "\"}")).andExpect(status().isNoContent());
		assertThat(jdbc.sql("select p.mobile from person p join account a on a.person_id = p.id where a.username = :u")
			.param("u", user).query(String.class).single()).isEqualTo(fresh);
		assertThat(tokenStatus(fresh, PASSWORD)).isEqualTo(200);
	}
}
