package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

	private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

	private static SignInThrottle throttle(int limit, Clock clock) {
		return new SignInThrottle(new SecuritySettings(5, Duration.ofMinutes(30), Duration.ofHours(8), 8, 3, null, limit,
				Duration.ofMinutes(15)), clock);
	}

	@Test
	void parallelAttemptsFromOneAddressNeverPassTheLimit() throws Exception {
		SignInThrottle throttle = throttle(5, Clock.fixed(T0, ZoneOffset.UTC));
		ExecutorService pool = Executors.newFixedThreadPool(40);
		CountDownLatch gate = new CountDownLatch(1);
		List<Future<Boolean>> granted = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			granted.add(pool.submit(() -> {
				gate.await();
				return throttle.tryAcquire("198.51.100.1");
			}));
		}
		gate.countDown();
		int passed = 0;
		for (Future<Boolean> g : granted) {
			passed += g.get(10, TimeUnit.SECONDS) ? 1 : 0;
		}
		pool.shutdown();
		assertThat(passed).isEqualTo(5);
		assertThat(throttle.tryAcquire("198.51.100.2")).as("another address").isTrue();
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
		assertThat(throttle.tryAcquire("a")).isTrue();
		throttle.succeeded("a");
		assertThat(throttle.tryAcquire("a")).isTrue();
		assertThat(throttle.tryAcquire("a")).isTrue();
		assertThat(throttle.tryAcquire("a")).isFalse();
		now[0] = T0.plus(Duration.ofMinutes(14));
		assertThat(throttle.tryAcquire("a")).isFalse();
		now[0] = T0.plus(Duration.ofMinutes(15));
		assertThat(throttle.tryAcquire("a")).isTrue();
		assertThat(throttle.used("a")).isEqualTo(1);
	}
}
