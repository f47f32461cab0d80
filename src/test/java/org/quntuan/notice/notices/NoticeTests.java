package org.quntuan.notice.notices;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.notice.NoticeFixtures;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class NoticeTests extends IntegrationTest {

	long publish(String user, String title, Map<String, Object> targets, Map<String, Object> extra, int expected)
			throws Exception {
		Map<String, Object> request = new HashMap<>(Map.of("title", title, "body", "请各单位认真学习。\n\n第二段。",
				"targets", targets));
		request.putAll(extra);
		var result = mvc.perform(post("/api/v1/notices").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
			.andExpect(status().is(expected)).andReturn();
		return expected == 201 ? body(result).get("id").asLong() : -1;
	}

	Map<String, Object> orgs(String... names) {
		return Map.of("orgIds", Arrays.stream(names).map(this::orgId).toList());
	}

	long account(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	long inboxRows(String eventKey, String username) {
		return jdbc.sql("select count(*) from notification where event_key = :k and recipient_account_id = :a and channel = 'INBOX'")
			.param("k", eventKey).param("a", account(username)).query(Long.class).single();
	}

	JsonNode receipt(long id, String orgName) throws Exception {
		JsonNode receipts = body(mvc.perform(get("/api/v1/notices/" + id + "/receipts").header("Authorization", bearer("admin")))
			.andExpect(status().isOk()).andReturn());
		assertThat(receipts.get("totals").get("rows").asLong()).isEqualTo(receipts.get("rows").size());
		for (JsonNode r : receipts.get("rows")) {
			if (r.get("orgName").asString().equals(orgName)) {
				return r;
			}
		}
		throw new AssertionError("no receipt for " + orgName);
	}

	@Test
	void aFederationNoticeReachesTheTargetAdminsAndTheFirstOpeningIsTheReadReceipt() throws Exception {
		String title = NoticeFixtures.unique("学习通知");
		long id = publish("admin", title, orgs("市财政局工会", "市教育局工会"), Map.of(), 201);
		assertThat(inboxRows("notice-" + id, "orgadmin1")).isEqualTo(1);
		assertThat(inboxRows("notice-" + id, "orgadmin2")).isEqualTo(1);
		assertThat(receipt(id, "市财政局工会").get("read").asBoolean()).isFalse();

		// the sender reading its own notice records nothing
		mvc.perform(get("/api/v1/notices/" + id).header("Authorization", bearer("admin"))).andExpect(status().isOk());
		assertThat(receipt(id, "市财政局工会").get("read").asBoolean()).isFalse();

		JsonNode opened = body(mvc.perform(get("/api/v1/notices/" + id).header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isOk()).andReturn());
		assertThat(opened.get("body").asString()).contains("<p>请各单位认真学习。</p>");
		JsonNode read = receipt(id, "市财政局工会");
		assertThat(read.get("read").asBoolean()).isTrue();
		assertThat(read.get("readBy").asString()).isNotBlank();
		assertThat(receipt(id, "市教育局工会").get("read").asBoolean()).isFalse();

		// the unread are reminded once a day, however often the button is pressed
		for (int i = 0; i < 2; i++) {
			JsonNode reminded = body(mvc.perform(post("/api/v1/notices/" + id + "/remind").header("Authorization", bearer("admin")))
				.andExpect(status().isOk()).andReturn());
			assertThat(reminded.get("reminded").asInt()).isEqualTo(1);
		}
		String key = "notice-" + id + "-remind-" + LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		assertThat(inboxRows(key, "orgadmin2")).isEqualTo(1);
		assertThat(inboxRows(key, "orgadmin1")).isZero();
	}

	@Test
	void theListShowsWhatWasSentAndWhatWasReceivedButNotOtherOrgsNotices() throws Exception {
		String title = NoticeFixtures.unique("收文");
		long id = publish("admin", title, orgs("市财政局工会"), Map.of("pinned", true), 201);
		String mine = mvc.perform(get("/api/v1/notices?size=200").header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(mine).contains(title);
		String other = mvc.perform(get("/api/v1/notices?size=200").header("Authorization", bearer("orgadmin2")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(other).doesNotContain(title);
		mvc.perform(get("/api/v1/notices/" + id).header("Authorization", bearer("orgadmin2"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/notices/" + id + "/receipts").header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isForbidden());
		// pinned first, then the newest
		String later = NoticeFixtures.unique("后发");
		publish("admin", later, orgs("市财政局工会"), Map.of(), 201);
		String listed = mvc.perform(get("/api/v1/notices?size=200").header("Authorization", bearer("orgadmin1")))
			.andReturn().getResponse().getContentAsString();
		assertThat(listed.indexOf(title)).isLessThan(listed.indexOf(later));
		MockHttpSession session = login("orgadmin1");
		String page = mvc.perform(get("/notices").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains(title);
	}

	@Test
	void anOrgAdminSendsOnlyWithinTheirSubtree() throws Exception {
		publish("orgadmin1", NoticeFixtures.unique("越权"), orgs("市教育局工会"), Map.of(), 403);
		publish("group1", NoticeFixtures.unique("片组通知"), orgs("市财政局工会"), Map.of(), 201);
		publish("member1", NoticeFixtures.unique("职工"), orgs("市财政局工会"), Map.of(), 403);
	}

	@Test
	void emptyTargetsAMissingTitleAndAPastExpiryAreRefused() throws Exception {
		publish("admin", NoticeFixtures.unique("空"), Map.of("orgIds", List.of()), Map.of(), 400);
		publish("admin", " ", orgs("市财政局工会"), Map.of(), 400);
		publish("admin", NoticeFixtures.unique("过期"), orgs("市财政局工会"),
				Map.of("expiresAt", OffsetDateTime.now(TestClock.CLOCK).minusDays(1).toString()), 400);
	}

	@Test
	void scriptsAndEventAttributesNeverReachTheStoredBody() throws Exception {
		long id = publish("admin", NoticeFixtures.unique("格式"), orgs("市财政局工会"),
				Map.of("body", "<p onclick=\"alert(1)\">正文<script>alert(2)</script><b>重点</b><a href=\"javascript:alert(3)\">链接</a>"
						+ "<img src=x onerror=alert(4)><a href=\"https://example.org/a\">外链</a></p>"), 201);
		String stored = jdbc.sql("select body from notice where id = :id").param("id", id).query(String.class).single();
		assertThat(stored).doesNotContain("script", "onclick", "onerror", "javascript", "<img", "alert(2)")
			.contains("<b>重点</b>", "href=\"https://example.org/a\"", "<p>正文");
	}

	@Test
	void theRichTextEditorsMarkupIsStoredAndItsHostileExtrasAreNot() throws Exception {
		long id = publish("admin", NoticeFixtures.unique("编辑器"), orgs("市财政局工会"),
				Map.of("body", "<h3>安排</h3><p><strong>重点</strong>学习<br>按时报送</p><ul><li>第一条</li><li>第二条</li></ul>"
						+ "<p><a href=\"javascript:alert(1)\">甲</a><img src=x onerror=alert(2)><script>alert(3)</script></p>"), 201);
		String stored = jdbc.sql("select body from notice where id = :id").param("id", id).query(String.class).single();
		assertThat(stored).startsWith("<h3>安排</h3><p><strong>重点</strong>学习<br>按时报送</p><ul><li>第一条</li><li>第二条</li></ul>")
			.doesNotContain("javascript", "onerror", "<img", "script", "alert");
	}

	@Test
	void aWithdrawnNoticeShowsTheReasonInsteadOfTheBody() throws Exception {
		long id = publish("admin", NoticeFixtures.unique("撤回"), orgs("市财政局工会"), Map.of(), 201);
		mvc.perform(post("/api/v1/notices/" + id + "/withdraw").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/notices/" + id + "/withdraw").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"发错了\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/notices/" + id + "/withdraw").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"内容有误，另行通知\"}")).andExpect(status().isOk());
		JsonNode seen = body(mvc.perform(get("/api/v1/notices/" + id).header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isOk()).andReturn());
		assertThat(seen.get("withdrawn").asBoolean()).isTrue();
		assertThat(seen.get("body").isNull()).isTrue();
		assertThat(seen.get("withdrawReason").asString()).isEqualTo("内容有误，另行通知");
		String page = mvc.perform(get("/notices/" + id).session(login("orgadmin1"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("已撤回：内容有误，另行通知").doesNotContain("请各单位认真学习");
		assertThat(inboxRows("notice-" + id + "-withdrawn", "orgadmin1")).isEqualTo(1);
	}

	@Test
	void anExpiredNoticeDropsOffTheRecipientsList() throws Exception {
		String title = NoticeFixtures.unique("到期");
		long id = publish("admin", title, orgs("市财政局工会"),
				Map.of("expiresAt", OffsetDateTime.now(TestClock.CLOCK).plusDays(3).toString()), 201);
		jdbc.sql("update notice set expires_at = :t where id = :id").param("t", OffsetDateTime.now(TestClock.CLOCK).minusHours(1))
			.param("id", id).update();
		String list = mvc.perform(get("/api/v1/notices?size=200").header("Authorization", bearer("orgadmin1")))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).doesNotContain(title);
		String sent = mvc.perform(get("/api/v1/notices?size=200").header("Authorization", bearer("admin")))
			.andReturn().getResponse().getContentAsString();
		assertThat(sent).contains(title);
	}

	@Test
	void aPublicNoticeShowsOnTheHomeCardOfTheMembersItServes() throws Exception {
		String shown = NoticeFixtures.unique("公开通知");
		String elsewhere = NoticeFixtures.unique("教育局公开");
		String internal = NoticeFixtures.unique("内部通知");
		publish("admin", shown, orgs("市财政局工会"), Map.of("public", true), 201);
		publish("admin", elsewhere, orgs("市教育局工会"), Map.of("public", true), 201);
		publish("admin", internal, orgs("市财政局工会"), Map.of(), 201);
		MockHttpSession member = login("member1");
		String card = mvc.perform(get("/notices/public-card").session(member)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(card).contains(shown).doesNotContain(elsewhere, internal);
		String home = mvc.perform(get("/").session(member)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("/notices/public-card");
	}

	@Test
	void attachmentsAreDownloadedOnlyByThoseWhoSeeTheNotice() throws Exception {
		long id = publish("admin", NoticeFixtures.unique("附件"), orgs("市财政局工会"), Map.of(), 201);
		JsonNode file = body(mvc.perform(multipart("/api/v1/notices/" + id + "/attachments")
			.file(NoticeFixtures.pdf("file", "会议安排.pdf")).header("Authorization", bearer("admin")))
			.andExpect(status().isCreated()).andReturn());
		mvc.perform(multipart("/api/v1/notices/" + id + "/attachments").file(NoticeFixtures.text("file", "说明.txt"))
			.header("Authorization", bearer("admin"))).andExpect(status().isBadRequest());
		String url = "/api/v1/notices/" + id + "/attachments/" + file.get("id").asLong();
		mvc.perform(get(url).header("Authorization", bearer("orgadmin1"))).andExpect(status().isOk());
		mvc.perform(get(url).header("Authorization", bearer("orgadmin2"))).andExpect(status().isNotFound());
		mvc.perform(get(url).header("Authorization", bearer("member1"))).andExpect(status().isNotFound());
	}

	@Test
	void aNoticeIsPublishedFromTheFormWithAnAttachment() throws Exception {
		String title = NoticeFixtures.unique("页面发布");
		MockHttpSession session = login("admin");
		mvc.perform(get("/notices/new").session(session)).andExpect(status().isOk());
		String location = mvc.perform(multipart("/notices").file(NoticeFixtures.pdf("files", "附件.pdf")).session(session)
			.with(csrf()).param("title", title).param("body", "正文").param("targetMode", "ORGS")
			.param("orgIds", String.valueOf(orgId("市财政局工会"))).param("pinned", "true"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String page = mvc.perform(get(location).session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains(title, "附件.pdf", "市财政局工会");
		String refused = mvc.perform(multipart("/notices").session(session).with(csrf()).param("title", title)
			.param("body", "正文").param("targetMode", "ORGS")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(refused).contains("请至少选择一个对象");
	}

	@Test
	void aWithdrawnNoticeIsShownToItsRecipientsAsWithdrawnNotUnread() throws Exception {
		String title = NoticeFixtures.unique("撤回的通知");
		long id = publish("admin", title, orgs("市财政局工会"), Map.of(), 201);
		mvc.perform(post("/api/v1/notices/" + id + "/withdraw").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"内容有误，另行通知\"}")).andExpect(status().isOk());

		JsonNode listed = null;
		for (JsonNode n : body(mvc.perform(get("/api/v1/notices").param("size", "100").header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isOk()).andReturn()).get("content")) {
			if (n.get("id").asLong() == id) {
				listed = n;
			}
		}
		assertThat(listed).as("the withdrawn notice in the recipient's list").isNotNull();
		assertThat(listed.get("withdrawn").asBoolean()).isTrue();
		assertThat(listed.get("unreadForMe").asBoolean()).isFalse();

		MockHttpSession recipient = login("orgadmin1");
		String list = mvc.perform(get("/notices").session(recipient)).andReturn().getResponse().getContentAsString();
		int start = list.indexOf("id=\"notice-" + id + "\"");
		String item = list.substring(start, list.indexOf("</a>", start));
		assertThat(item).contains("已撤回").doesNotContain("未读");
		String detail = mvc.perform(get("/notices/" + id).session(recipient)).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("id=\"notice-withdrawn-badge\"", "已撤回：内容有误，另行通知");
	}

	@Test
	void theReadListExportsForTheSenderWithReadersAndTitlesThatCannotBeFormulas() throws Exception {
		String title = "=HYPERLINK(\"http://x\")" + NoticeFixtures.unique("阅读导出");
		long id = publish("admin", title, orgs("市财政局工会", "市教育局工会"), Map.of(), 201);
		mvc.perform(get("/api/v1/notices/" + id).header("Authorization", bearer("orgadmin1"))).andExpect(status().isOk());
		String reader = receipt(id, "市财政局工会").get("readBy").asString();
		long audited = jdbc.sql("select count(*) from audit_event where object_type = 'NOTICE_READS_EXPORT'")
			.query(Long.class).single();
		var result = mvc.perform(get("/notices/" + id + "/receipts/export").session(login("admin"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("xlsx");
		try (var book = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			var sheet = book.getSheetAt(0);
			assertThat(book.getSheetName(0)).isEqualTo("阅读情况");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("'=HYPERLINK");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("接收组织");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("阅读人");
			Map<String, String> rows = new HashMap<>();
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				var row = sheet.getRow(r);
				String by = row.getCell(2) == null ? "" : row.getCell(2).getStringCellValue();
				rows.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue() + (by.isEmpty() ? "" : "/" + by));
			}
			assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of("市财政局工会", "已读/" + reader, "市教育局工会", "未读"));
		}
		// a target org's admin reads the notice but not who else read it; member1 does not see the notice
		assertThat(mvc.perform(get("/notices/" + id + "/receipts/export").session(login("orgadmin1"))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/notices/" + id + "/receipts/export").session(login("member1"))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'NOTICE_READS_EXPORT'")
			.query(Long.class).single()).isEqualTo(audited + 1);
	}
}
