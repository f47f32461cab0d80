package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Guessing a password in parallel: the lock holds however many guesses arrive at once, a right
 * password never lifts it, and one client address cannot spread guesses over many accounts.
 */
class SignInLockoutTests extends IntegrationTest {

	private static final int GUESSES = 40;

	@Autowired
	private SignInThrottle throttle;

	@Autowired
	private SecuritySettings settings;

	private String account(int fromTheEnd) {
		return jdbc.sql("""
				select a.username from account a join person p on p.id = a.person_id
				where a.username = p.mobile and a.failed_attempts = 0 and a.locked_until is null
				  and not exists (select 1 from audit_event e where e.actor = a.username)
				order by p.id desc offset :n rows fetch next 1 rows only""")
			.param("n", 40 + fromTheEnd).query(String.class).single();
	}

	private MockHttpServletRequestBuilder token(String username, String password, String address) throws Exception {
		return post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password)))
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private long failures(String username, String detailLike) {
		return jdbc.sql("select count(*) from audit_event where type = 'LOGIN_FAILURE' and actor = :u and detail like :d")
			.param("u", username).param("d", detailLike).query(Long.class).single();
	}

	private long successes(String username) {
		return jdbc.sql("select count(*) from audit_event where type = 'LOGIN_SUCCESS' and actor = :u")
			.param("u", username).query(Long.class).single();
	}

	private boolean locked(String username) {
		return jdbc.sql("select count(*) from account where username = :u and locked_until > :now").param("u", username)
			.param("now", OffsetDateTime.now(TestClock.CLOCK)).query(Long.class).single() == 1;
	}

	interface Guess {
		int status(int i) throws Exception;
	}

	/** {@link #GUESSES} sign-ins released at once from their own threads; their statuses in order. */
	private static List<Integer> guessAtOnce(Guess guess) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
		CountDownLatch gate = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < GUESSES; i++) {
			int n = i;
			answers.add(pool.submit(() -> {
				gate.await();
				return guess.status(n);
			}));
		}
		gate.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		return statuses;
	}

	private int taken(String username) {
		return jdbc.sql("select failed_attempts from account where username = :u").param("u", username)
			.query(Integer.class).single();
	}

	@Test
	@Tag("postgres-only")
	void fortyParallelGuessesCheckAtMostFivePasswordsAndTheRightOneThirtyEighthIsRefused() throws Exception {
		String user = account(0);
		List<Integer> statuses = guessAtOnce(i -> {
			boolean right = i == 37;
			if (right) {
				// the 38th: it arrives while the wrong guesses before it are still being checked
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				while (taken(user) < settings.maxFailedAttempts() && !locked(user) && System.nanoTime() < deadline) {
					Thread.onSpinWait();
				}
			}
			return status(token(user, right ? PASSWORD : "Wrong@" + i, "127.0.0.1"));
		});

		assertThat(statuses).containsOnly(401);
		assertThat(failures(user, "密码错误%")).as("passwords checked").isEqualTo(settings.maxFailedAttempts());
		assertThat(failures(user, "%账号锁定")).as("lock entries").isEqualTo(1);
		assertThat(failures(user, "密码错误，连续失败 " + settings.maxFailedAttempts() + " 次，账号锁定")).isEqualTo(1);
		assertThat(failures(user, "账号已锁定%")).isEqualTo(GUESSES - settings.maxFailedAttempts());
		assertThat(successes(user)).isZero();
		assertThat(locked(user)).isTrue();

		assertThat(status(token(user, PASSWORD, "127.0.0.1"))).as("the right password while locked").isEqualTo(401);
		jdbc.sql("update account set locked_until = :past where username = :u")
			.param("past", OffsetDateTime.now(TestClock.CLOCK).minusSeconds(1)).param("u", user).update();
		assertThat(status(token(user, PASSWORD, "127.0.0.1"))).as("the right password once the lock ended").isEqualTo(200);
	}

	@Test
	@Tag("postgres-only")
	void aRightPasswordAnywhereInABurstLeavesAtMostFiveWrongOnesCheckedOnEitherSideOfIt() throws Exception {
		String user = account(1);
		long seed = System.nanoTime();
		int right = new Random(seed).nextInt(GUESSES);
		List<Integer> statuses = guessAtOnce(i -> status(token(user, i == right ? PASSWORD : "Wrong@" + i, "127.0.0.1")));

		String why = "seed " + seed + ", right password " + (right + 1) + "th";
		long wrongChecked = failures(user, "密码错误%");
		long signedIn = statuses.stream().filter(s -> s == 200).count();
		assertThat(signedIn).as(why).isLessThanOrEqualTo(1).isEqualTo(successes(user));
		if (signedIn == 0) {
			assertThat(wrongChecked).as(why).isLessThanOrEqualTo(settings.maxFailedAttempts());
		}
		else {
			// a success restarts the count (the owner signed in): fewer than max wrong checks before it,
			// at most max after it, and never a third run
			assertThat(wrongChecked).as(why).isLessThanOrEqualTo(2L * settings.maxFailedAttempts() - 1);
		}
		assertThat(failures(user, "%账号锁定")).as(why).isLessThanOrEqualTo(1);
		if (!statuses.contains(200)) {
			assertThat(locked(user)).as(why).isTrue();
		}
	}

	@Test
	void oneAddressThatFailedTooOftenIsRefusedWithoutCheckingOthersAreNot() throws Exception {
		String user = account(2);
		String address = "198.51.100.77"; // an address of its own: other tests sign in from 203.0.113.7
		while (throttle.used(address) < settings.maxFailuresPerAddress()) {
			throttle.tryAcquire(address);
		}
		assertThat(status(token(user, PASSWORD, address))).isEqualTo(401);
		assertThat(status(token("nobody-from-there", PASSWORD, address))).isEqualTo(401);
		assertThat(failures(user, "该地址登录失败次数过多%")).isEqualTo(1);
		assertThat(taken(user)).as("the account's own count is untouched").isZero();

		assertThat(status(token(user, PASSWORD, "198.51.100.78"))).isEqualTo(200);
		assertThat(throttle.used("198.51.100.78")).as("a success gives its attempt back").isZero();
	}

	@Test
	void aRightPasswordDoesNotLiftALock() throws Exception {
		String user = account(3);
		jdbc.sql("update account set locked_until = :until, failed_attempts = 0 where username = :u")
			.param("until", OffsetDateTime.now(TestClock.CLOCK).plusMinutes(10)).param("u", user).update();
		assertThat(status(token(user, PASSWORD, "127.0.0.1"))).isEqualTo(401);
		assertThat(locked(user)).isTrue();
		assertThat(failures(user, "账号已锁定，未校验密码")).isEqualTo(1);
	}
}
