package org.quntuan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

class InboxTests extends IntegrationTest {

	@Autowired
	Notifications notifications;

	long account(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	/** Sends an announcement to one account's inbox and returns the notification's id. */
	long notify(String username, String title, String link) {
		String key = "inbox-test:" + UUID.randomUUID();
		NotificationRequest request = NotificationRequest.of(key, "announcement", List.of(account(username)), title, "正文");
		notifications.send(link == null ? request : request.withLink(link));
		return jdbc.sql("select id from notification where event_key = :k").param("k", key).query(Long.class).single();
	}

	long unreadOf(String username) {
		return jdbc.sql("select count(*) from notification where recipient_account_id = :a and channel = 'INBOX'"
				+ " and read_at is null").param("a", account(username)).query(Long.class).single();
	}

	boolean isRead(long id) {
		return jdbc.sql("select count(*) from notification where id = :id and read_at is not null").param("id", id)
			.query(Long.class).single() == 1;
	}

	JsonNode inbox(String username, String query) throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/inbox" + query).header("Authorization", bearer(username)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return body(result);
	}

	@Test
	void theInboxListsOnlyTheCallersOwnNotificationsNewestFirst() throws Exception {
		long older = notify("member1", "给本人的第一条", null);
		long newer = notify("member1", "给本人的第二条", "/orgs");
		notify("admin", "给管理员的", null);

		JsonNode page = inbox("member1", "?size=200");
		List<String> titles = page.get("content").valueStream().map(n -> n.get("title").asString()).toList();
		assertThat(titles).contains("【通知】给本人的第一条", "【通知】给本人的第二条").doesNotContain("【通知】给管理员的");
		assertThat(titles.indexOf("【通知】给本人的第二条")).isLessThan(titles.indexOf("【通知】给本人的第一条"));
		assertThat(page.get("unread").asLong()).isEqualTo(unreadOf("member1"));
		assertThat(page.get("totalElements").asLong()).isEqualTo(page.get("content").size());
		assertThat(page.has("page") && page.has("size") && page.has("totalPages")).isTrue();
		JsonNode first = page.get("content").get(0);
		assertThat(first.get("id").asLong()).isEqualTo(newer);
		assertThat(first.get("read").asBoolean()).isFalse();
		assertThat(first.get("link").asString()).isEqualTo("/orgs");
		assertThat(first.get("createdAt").asString()).endsWith("+08:00");
		assertThat(older).isLessThan(newer);
	}

	@Test
	void markingReadWorksOnOwnNotificationsAndIsNotFoundForAnyoneElses() throws Exception {
		long mine = notify("member1", "待阅", null);
		long others = notify("admin", "他人的", null);

		MvcResult read = mvc.perform(post("/api/v1/inbox/{id}/read", mine).header("Authorization", bearer("member1")))
			.andReturn();
		assertThat(read.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(read).get("read").asBoolean()).isTrue();
		assertThat(inbox("member1", "?unread=true&size=200").get("content").valueStream()
			.map(n -> n.get("id").asLong())).doesNotContain(mine);

		int status = mvc.perform(post("/api/v1/inbox/{id}/read", others).header("Authorization", bearer("member1")))
			.andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(404);
		assertThat(isRead(others)).isFalse();
	}

	@Test
	void readAllEmptiesOnlyTheCallersUnreadList() throws Exception {
		notify("info1", "一", null);
		notify("info1", "二", null);
		notify("finance1", "别人的", null);
		long financeUnread = unreadOf("finance1");

		MvcResult result = mvc.perform(post("/api/v1/inbox/read-all").header("Authorization", bearer("info1")))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result).get("marked").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(body(result).get("unread").asLong()).isZero();
		assertThat(inbox("info1", "").get("unread").asLong()).isZero();
		assertThat(unreadOf("finance1")).isEqualTo(financeUnread);
	}

	@Test
	void everyPageHeaderShowsTheUnreadCountUntilAllIsRead() throws Exception {
		notify("auditor1", "审计提醒", null);
		MockHttpSession session = login("auditor1");

		String home = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("id=\"inbox-unread\"><span>" + unreadOf("auditor1") + "</span>");

		String inboxPage = mvc.perform(get("/inbox").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(inboxPage).contains("【通知】审计提醒").contains("<span class=\"fw-bold\">【通知】审计提醒</span>").contains("全部标为已读");

		MvcResult readAll = mvc.perform(post("/inbox/read-all").session(session).with(csrf())).andReturn();
		assertThat(readAll.getResponse().getRedirectedUrl()).isEqualTo("/inbox");
		assertThat(unreadOf("auditor1")).isZero();
		String after = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(after).contains("id=\"nav-inbox\"").doesNotContain("id=\"inbox-unread\"");
	}

	@Test
	void openingANotificationOnItsPageMarksItReadAndFollowsItsLink() throws Exception {
		long id = notify("orgadmin1", "请审核", "/orgs");
		MockHttpSession session = login("orgadmin1");
		MvcResult result = mvc.perform(post("/inbox/{id}/read", id).param("open", "true").session(session).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/orgs");
		assertThat(isRead(id)).isTrue();
	}
}
