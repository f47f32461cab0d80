package org.quntuan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A node stored an SMS, committed and died before sending it: another node sends it later, once,
 * even when two nodes look at the same time; a secret one (a one-time code) is not sent masked.
 */
class StaleDeliveriesTests extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private NotificationRepository repository;

	@Autowired
	private Notifications notifications;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private Clock clock;

	@Test
	void aDeliveryLeftPendingIsSentOnceByOneOfTwoNodesAndASecretOneIsNotSentMasked() throws Exception {
		long account = jdbc.sql("select id from account where username = 'member1'").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(clock);
		String title = "遗留通知" + System.nanoTime();
		long stale = pending(account, title, now.minusMinutes(11), false);
		long secret = pending(account, title + "（验证码）", now.minusMinutes(11), true);
		long fresh = pending(account, title + "（刚存入）", now.minusMinutes(2), false);

		StaleDeliveries node1 = new StaleDeliveries(repository, notifications, transactions, clock,
				Duration.ofMinutes(10));
		StaleDeliveries node2 = new StaleDeliveries(repository, notifications, transactions, clock,
				Duration.ofMinutes(10));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch gate = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (StaleDeliveries node : List.of(node1, node2)) {
			runs.add(pool.submit(() -> {
				gate.await();
				return node.redeliver();
			}));
		}
		gate.countDown();
		for (Future<Integer> run : runs) {
			run.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();

		assertThat(CapturedTexts.count(account, title)).as("texts sent for the stale delivery").isEqualTo(1);
		assertThat(status(stale)).isEqualTo("SENT");
		assertThat(status(secret)).isEqualTo("SKIPPED");
		assertThat(CapturedTexts.count(account, title + "（验证码）")).isZero();
		assertThat(status(fresh)).as("a delivery its node may still be sending").isEqualTo("PENDING");
		assertThat(node1.redeliver()).as("nothing left a second time").isZero();
		assertThat(CapturedTexts.count(account, title)).isEqualTo(1);
	}

	private long pending(long account, String title, OffsetDateTime at, boolean secret) {
		long id = repository.insert(account, Channel.SMS, "stale-" + title, "test", title, "正文", null,
				DeliveryStatus.PENDING, secret, at);
		return id;
	}

	private String status(long id) {
		return jdbc.sql("select status from notification where id = :id").param("id", id).query(String.class).single();
	}
}
