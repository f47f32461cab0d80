package org.quntuan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.PageRequest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notification module started on its own (Spring Modulith's module test): only its beans, an
 * empty database of its own, the directory of recipients and the caller mocked. Runs in the H2 lane.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(TestClock.class)
@Tag("integration")
@Tag("h2-only")
class NotificationModuleTests {

	private static final long ZHANG_SAN = 7;

	private static final long LI_SI = 8;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:notification-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH,DAY,VALUE,KEY;DB_CLOSE_DELAY=-1");
	}

	@MockitoBean
	CurrentUserProvider users;

	@MockitoBean
	RecipientDirectory directory;

	@Autowired
	Notifications notifications;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient jdbc;

	private String status(String eventKey, long recipient, Channel channel) {
		return jdbc.sql("select status from notification where event_key = :k and recipient_account_id = :r and channel = :c")
			.param("k", eventKey).param("r", recipient).param("c", channel.name()).query(String.class).single();
	}

	@Test
	void anEventReachesEachRecipientOncePerChannelHoweverOftenItIsSent() {
		given(directory.find(any())).willReturn(List.of(new Recipient(ZHANG_SAN, "张三", null, "13812341234"),
				new Recipient(LI_SI, "李四", null, null)));
		String key = "module-test:" + UUID.randomUUID();
		NotificationRequest request = NotificationRequest
			.of(key, "announcement", List.of(ZHANG_SAN, LI_SI), "工会会员信息核对", "请于本周内核对本人信息。")
			.via(Channel.INBOX, Channel.SMS);
		notifications.send(request);
		notifications.send(request);
		assertThat(jdbc.sql("select count(*) from notification where event_key = :k").param("k", key)
			.query(Long.class).single()).isEqualTo(4);
		assertThat(status(key, ZHANG_SAN, Channel.INBOX)).isEqualTo("SENT");
		assertThat(status(key, ZHANG_SAN, Channel.SMS)).as("the logging SMS channel").isEqualTo("LOGGED");
		assertThat(status(key, LI_SI, Channel.SMS)).as("no mobile on record").isEqualTo("SKIPPED");
		assertThat(jdbc.sql("select title from notification where event_key = :k and channel = 'INBOX' and recipient_account_id = :r")
			.param("k", key).param("r", LI_SI).query(String.class).single()).isEqualTo("【通知】工会会员信息核对");
	}

	@Test
	void theInboxShowsTheCallersOwnNotificationsUntilTheyAreRead() {
		long me = 9;
		CurrentUser wangWu = new CurrentUser(me, "wangwu", "王五", null, null);
		willReturn(Optional.of(wangWu)).given(users).currentIfAny();
		willReturn(wangWu).given(users).current();
		String key = "module-test:" + UUID.randomUUID();
		notifications.send(NotificationRequest.of(key, "announcement", List.of(me, LI_SI), "年度体检", "请于月底前完成体检。"));
		assertThat(inbox.unread()).isEqualTo(1);
		assertThat(inbox.list(true, PageRequest.of(0, 20)).content()).extracting(InboxItem::title)
			.containsExactly("【通知】年度体检");
		assertThat(inbox.markAllRead()).isEqualTo(1);
		assertThat(inbox.unread()).isZero();
		assertThat(inbox.unreadOf(LI_SI)).as("another's inbox is untouched").isPositive();
	}
}
