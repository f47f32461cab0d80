package org.quntuan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

class NotificationSendingTests extends IntegrationTest {

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate tx;

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	long account(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	static String eventKey(String what) {
		return what + ":" + UUID.randomUUID();
	}

	Map<String, Object> row(String eventKey, long recipient, Channel channel) {
		return jdbc.sql("select * from notification where event_key = :k and recipient_account_id = :r and channel = :c")
			.param("k", eventKey).param("r", recipient).param("c", channel.name()).query().singleRow();
	}

	long rows(String eventKey) {
		return jdbc.sql("select count(*) from notification where event_key = :k").param("k", eventKey)
			.query(Long.class).single();
	}

	@Test
	void twoNodesHandlingTheSameEventAtOnceNotifyEachRecipientOncePerChannel() throws Exception {
		List<Long> recipients = List.of(account("member1"), account("admin"));
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				String key = eventKey("concurrency-test");
				NotificationRequest request = NotificationRequest
					.of(key, "announcement", recipients, "工会会员信息核对", "请于本周内核对本人信息。")
					.via(Channel.INBOX, Channel.SMS, Channel.EMAIL);
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<?>> sends = new ArrayList<>();
				for (int node = 0; node < 2; node++) {
					sends.add(nodes.submit(() -> {
						together.await(10, TimeUnit.SECONDS);
						notifications.send(request);
						return null;
					}));
				}
				for (Future<?> send : sends) {
					send.get(30, TimeUnit.SECONDS);
				}
				assertThat(rows(key)).as("round " + round).isEqualTo(recipients.size() * 3L);
				for (long recipient : recipients) {
					for (Channel channel : List.of(Channel.INBOX, Channel.SMS, Channel.EMAIL)) {
						assertThat(row(key, recipient, channel)).isNotEmpty();
					}
				}
			}
		}
		finally {
			nodes.shutdownNow();
		}
	}

	@Test
	void sendingAgainForTheSameEventStoresNothingNew() {
		String key = eventKey("repeat-test");
		NotificationRequest request = NotificationRequest.of(key, "announcement", List.of(account("member1")), "标题", "正文");
		notifications.send(request);
		notifications.send(request);
		assertThat(rows(key)).isEqualTo(1);
	}

	@Test
	void aDuplicateInsideTheSendersTransactionDoesNotSpoilIt() {
		String key = eventKey("in-transaction");
		long member1 = account("member1");
		NotificationRequest request = NotificationRequest.of(key, "announcement", List.of(member1), "标题", "正文");
		tx.executeWithoutResult(status -> {
			notifications.send(request);
			notifications.send(request);
			// on PostgreSQL a failed statement outside a savepoint would abort the rest of the transaction
			assertThat(rows(key)).isEqualTo(1);
		});
		assertThat(rows(key)).isEqualTo(1);
	}

	@Test
	void nothingIsStoredOrSentWhenTheSendersTransactionRollsBack() {
		String key = eventKey("rolled-back");
		tx.executeWithoutResult(status -> {
			notifications.send(NotificationRequest.of(key, "announcement", List.of(account("member1")), "标题", "正文")
				.via(Channel.INBOX, Channel.SMS));
			status.setRollbackOnly();
		});
		assertThat(rows(key)).isZero();
	}

	@Test
	void templatesAreRenderedInChineseWhateverTheSendersLanguage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		String key = eventKey("template-test");
		long member1 = account("member1");
		notifications.send(NotificationRequest.of(key, "announcement", List.of(member1), "关于开展职工疗休养报名的通知",
				"请于 12 月 5 日前向所在单位工会报名。").withLink("/orgs"));
		Map<String, Object> row = row(key, member1, Channel.INBOX);
		assertThat(row.get("title")).isEqualTo("【通知】关于开展职工疗休养报名的通知");
		assertThat(row.get("body")).isEqualTo("请于 12 月 5 日前向所在单位工会报名。");
		assertThat(row.get("link")).isEqualTo("/orgs");
		assertThat(row.get("template")).isEqualTo("announcement");
		assertThat(row.get("status")).isEqualTo("SENT");
	}

	@Test
	void eachChannelRecordsWhatBecameOfItsMessage() {
		String key = eventKey("delivery-test");
		long member1 = account("member1");
		long admin = account("admin");
		notifications.send(NotificationRequest.of(key, "announcement", List.of(member1, admin), "标题", "正文")
			.via(Channel.SMS, Channel.EMAIL, Channel.WECHAT));
		// member1 is a person with a mobile: the tests' SMS gateway (CapturedTexts) takes it
		assertThat(row(key, member1, Channel.SMS).get("status")).isEqualTo("SENT");
		assertThat(row(key, member1, Channel.SMS).get("sent_at")).isNotNull();
		// admin is no person, so has no mobile
		assertThat(row(key, admin, Channel.SMS).get("status")).isEqualTo("SKIPPED");
		// no mail server in the suite: e-mail is skipped, nothing breaks
		assertThat(row(key, member1, Channel.EMAIL).get("status")).isEqualTo("SKIPPED");
		assertThat(row(key, admin, Channel.WECHAT).get("status")).isEqualTo("LOGGED");
		assertThat(jdbc.sql("select count(*) from notification where event_key = :k and channel = 'INBOX'")
			.param("k", key).query(Long.class).single()).isZero();
	}

	@Test
	void unknownTemplatesAndLinksOutOfTheApplicationAreRefused() {
		List<Long> someone = List.of(account("member1"));
		assertThatThrownBy(() -> notifications.send(NotificationRequest.of(eventKey("x"), "no-such-template", someone)))
			.isInstanceOf(IllegalArgumentException.class);
		for (String link : List.of("https://example.com", "//example.com", "/\\example.com", "javascript:alert(1)",
				"/a b", "/{x}")) {
			assertThatThrownBy(() -> NotificationRequest.of("x", "announcement", someone).withLink(link))
				.as(link).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(NotificationRequest.of("x", "announcement", someone).withLink("/members/12?tab=history").link())
			.isEqualTo("/members/12?tab=history");
	}
}
