package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.quntuan.support.AuditTrail;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;

/** Signing out is on the record, and a burst of wrong passwords locks an account once, on the record once. */
class SignInAuditTests extends IntegrationTest {

	@Autowired
	AccountAuthenticator authenticator;

	@Test
	void signingOutOfAPageSessionWritesLogoutUnderTheAccountsOrganization() throws Exception {
		long account = jdbc.sql("select id from account where username = 'orgadmin1'").query(Long.class).single();
		int before = AuditTrail.of(jdbc, "ACCOUNT", account).size();
		MockHttpSession session = login("orgadmin1");
		mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

		List<AuditTrail.Event> events = AuditTrail.of(jdbc, "ACCOUNT", account);
		assertThat(events.subList(before, events.size())).extracting(AuditTrail.Event::type)
			.containsExactly("LOGIN_SUCCESS", "LOGOUT");
		AuditTrail.Event logout = events.get(events.size() - 1);
		assertThat(logout.actor()).isEqualTo("orgadmin1");
		assertThat(logout.result()).isEqualTo("SUCCESS");
		assertThat(logout.orgPath()).isEqualTo(AuditTrail.pathOf(jdbc, "市财政局工会"));
	}

	@Test
	void twelveWrongPasswordsAtOnceLockTheAccountOnceAndTheLogSaysSoOnceWithTheRealCount() throws Exception {
		String username = "burst" + System.nanoTime() % 1_000_000_000L;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, password_hash, display_name, enabled, failed_attempts, must_change_password,
				  created_at, version)
				values (:u, '{noop}Right@2026', '并发锁定测试', true, 0, false, :now, 0)""")
			.param("u", username).param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
		long account = keys.getKey().longValue();

		ExecutorService pool = Executors.newFixedThreadPool(12);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String wrong = "Wrong@" + i;
			attempts.add(pool.submit(() -> {
				start.await();
				try {
					authenticator.authenticate(username, wrong);
					return true;
				}
				catch (BadCredentialsException refused) {
					return false;
				}
			}));
		}
		start.countDown();
		for (Future<Boolean> a : attempts) {
			assertThat(a.get()).as("a wrong password signs nobody in").isFalse();
		}
		pool.shutdown();

		List<String> details = AuditTrail.of(jdbc, "ACCOUNT", account).stream().map(AuditTrail.Event::detail).toList();
		assertThat(details).hasSize(12);
		List<String> locks = details.stream().filter(d -> d.endsWith("账号锁定")).toList();
		assertThat(locks).hasSize(1);
		int count = Integer.parseInt(locks.get(0).replaceAll("\\D+", " ").trim().split(" ")[0]);
		assertThat(count).as("the guess that took the last allowed check").isEqualTo(5);
		assertThat(details).noneMatch(d -> d.contains("第 0 次"));
		assertThat(jdbc.sql("select locked_until from account where id = :a").param("a", account)
			.query(OffsetDateTime.class).single()).isNotNull();
	}
}
