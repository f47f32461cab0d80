package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The per-address limit of failed sign-ins, kept in the database so that every node counts the same
 * attempts: two throttles (two nodes) over one table never let more than the limit through, even
 * when 40 attempts race.
 */
class SignInThrottleTests extends IntegrationTest {

	private static final Instant T0 = TestClock.CLOCK.instant().truncatedTo(ChronoUnit.MINUTES);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	private SignInThrottle throttle(int limit, Clock clock) {
		return new SignInThrottle(new SecuritySettings(5, Duration.ofMinutes(30), Duration.ofHours(8), 8, 3, null, limit,
				Duration.ofMinutes(15)), clock, jdbc, transactions);
	}

	@Test
	void parallelAttemptsFromOneAddressOnTwoNodesNeverPassTheLimit() throws Exception {
		Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
		SignInThrottle node1 = throttle(5, clock);
		SignInThrottle node2 = throttle(5, clock);
		ExecutorService pool = Executors.newFixedThreadPool(40);
		CountDownLatch gate = new CountDownLatch(1);
		List<Future<Boolean>> granted = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			SignInThrottle node = i % 2 == 0 ? node1 : node2;
			granted.add(pool.submit(() -> {
				gate.await();
				return node.tryAcquire("198.51.100.1");
			}));
		}
		gate.countDown();
		int passed = 0;
		for (Future<Boolean> g : granted) {
			passed += g.get(30, TimeUnit.SECONDS) ? 1 : 0;
		}
		pool.shutdown();
		assertThat(passed).isEqualTo(5);
		assertThat(node2.used("198.51.100.1")).isEqualTo(5);
		assertThat(node1.tryAcquire("198.51.100.2")).as("another address").isTrue();
	}

	@Test
	void aSuccessGivesItsAttemptBackAndTheWindowEnds() {
		Instant[] now = { T0 };
		Clock clock = new Clock() {
			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now[0];
			}
		};
		SignInThrottle throttle = throttle(2, clock);
		assertThat(throttle.tryAcquire("198.51.100.3")).isTrue();
		throttle.succeeded("198.51.100.3");
		assertThat(throttle.tryAcquire("198.51.100.3")).isTrue();
		assertThat(throttle.tryAcquire("198.51.100.3")).isTrue();
		assertThat(throttle.tryAcquire("198.51.100.3")).isFalse();
		now[0] = T0.plus(Duration.ofMinutes(14));
		assertThat(throttle.tryAcquire("198.51.100.3")).isFalse();
		now[0] = T0.plus(Duration.ofMinutes(15));
		assertThat(throttle.tryAcquire("198.51.100.3")).isTrue();
		assertThat(throttle.used("198.51.100.3")).isEqualTo(1);
		now[0] = T0.plus(Duration.ofMinutes(31));
		assertThat(throttle.forgetEndedWindows()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from sign_in_address where address = '198.51.100.3'").query(Long.class).single())
			.isZero();
	}
}
