package org.quntuan.notice.collections;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.notice.NoticeFixtures;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CollectionTests extends IntegrationTest {

	@Autowired
	CollectionReminders reminders;

	long create(String user, String title, List<String> targets, Map<String, Object> extra, int expected) throws Exception {
		Map<String, Object> request = new HashMap<>(Map.of("title", title, "instructions", "请报送2026年工作总结，加盖公章。",
				"deadline", OffsetDateTime.now(TestClock.CLOCK).plusDays(2).toString(),
				"targets", Map.of("orgIds", targets.stream().map(this::orgId).toList())));
		request.putAll(extra);
		MvcResult result = mvc.perform(post("/api/v1/collections").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
			.andExpect(status().is(expected)).andReturn();
		return expected == 201 ? body(result).get("id").asLong() : -1;
	}

	MvcResult upload(long id, String user, MockMultipartFile file, Long orgId, int expected) throws Exception {
		var request = multipart("/api/v1/collections/" + id + "/submissions").file(file).header("Authorization", bearer(user));
		if (orgId != null) {
			request.param("orgId", orgId.toString());
		}
		return mvc.perform(request).andExpect(status().is(expected)).andReturn();
	}

	Map<String, JsonNode> rows(long id, String user) throws Exception {
		Map<String, JsonNode> rows = new HashMap<>();
		JsonNode board = body(mvc.perform(get("/api/v1/collections/" + id + "/status").header("Authorization", bearer(user)))
			.andExpect(status().isOk()).andReturn());
		assertThat(board.get("totals").get("rows").asLong()).isEqualTo(board.get("rows").size());
		for (JsonNode r : board.get("rows")) {
			rows.put(r.get("orgName").asString(), r);
		}
		return rows;
	}

	String state(long id, String org) throws Exception {
		return rows(id, "admin").get(org).get("state").get("code").asString();
	}

	@Test
	void anOrganUploadsIsReturnedResubmitsAndIsAccepted() throws Exception {
		long id = create("admin", NoticeFixtures.unique("工作总结"), List.of("市财政局工会", "市教育局工会"), Map.of(), 201);
		assertThat(state(id, "市财政局工会")).isEqualTo("NOT_STARTED");
		assertThat(jdbc.sql("select count(*) from notification where event_key = :k and channel = 'INBOX'")
			.param("k", "collection-" + id).query(Long.class).single()).isGreaterThanOrEqualTo(2);

		JsonNode first = body(upload(id, "orgadmin1", NoticeFixtures.pdf("file", "总结.pdf"), null, 201));
		assertThat(first.get("state").get("code").asString()).isEqualTo("SUBMITTED");
		upload(id, "orgadmin1", NoticeFixtures.docx("file", "附表.docx"), null, 201);
		assertThat(rows(id, "admin").get("市财政局工会").get("files").asInt()).isEqualTo(2);

		// the other organ sees neither the submission nor its files
		long finance = orgId("市财政局工会");
		mvc.perform(get("/api/v1/collections/" + id + "/submissions/" + finance).header("Authorization", bearer("orgadmin2")))
			.andExpect(status().isNotFound());
		long fileId = first.get("files").get(0).get("id").asLong();
		mvc.perform(get("/api/v1/collections/" + id + "/files/" + fileId).header("Authorization", bearer("orgadmin2")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/collections/" + id + "/files/" + fileId).header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isOk());
		assertThat(rows(id, "orgadmin2")).containsOnlyKeys("市教育局工会");

		mvc.perform(post("/api/v1/collections/" + id + "/submissions/" + finance + "/return").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"缺少盖章页\"}")).andExpect(status().isOk());
		JsonNode returned = rows(id, "admin").get("市财政局工会");
		assertThat(returned.get("state").get("code").asString()).isEqualTo("RETURNED");
		assertThat(returned.get("returnReason").asString()).isEqualTo("缺少盖章页");

		upload(id, "orgadmin1", NoticeFixtures.pdf("file", "总结（盖章）.pdf"), null, 201);
		assertThat(state(id, "市财政局工会")).isEqualTo("SUBMITTED");
		mvc.perform(post("/api/v1/collections/" + id + "/submissions/" + finance + "/accept").header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/collections/" + id + "/submissions/" + finance + "/accept").header("Authorization", bearer("admin")))
			.andExpect(status().isOk());
		assertThat(state(id, "市财政局工会")).isEqualTo("ACCEPTED");
		// accepted materials stay as they are
		upload(id, "orgadmin1", NoticeFixtures.pdf("file", "又一份.pdf"), null, 422);

		byte[] zip = mvc.perform(get("/api/v1/collections/" + id + "/accepted-files").header("Authorization", bearer("admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				names.add(e.getName());
			}
		}
		assertThat(names).contains("市财政局工会/总结.pdf", "市财政局工会/附表.docx", "市财政局工会/总结（盖章）.pdf")
			.noneMatch(n -> n.startsWith("市教育局工会"));
		mvc.perform(get("/api/v1/collections/" + id + "/accepted-files").header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/collections/" + id + "/status/export").header("Authorization", bearer("admin")))
			.andExpect(status().isOk());
	}

	@Test
	void anOrgReplacesAFileUntilItIsReviewed() throws Exception {
		long id = create("admin", NoticeFixtures.unique("替换"), List.of("市财政局工会"), Map.of(), 201);
		long finance = orgId("市财政局工会");
		long first = body(upload(id, "orgadmin1", NoticeFixtures.pdf("file", "初稿.pdf"), null, 201)).get("files").get(0)
			.get("id").asLong();
		upload(id, "orgadmin1", NoticeFixtures.pdf("file", "定稿.pdf"), null, 201);
		String base = "/api/v1/collections/" + id + "/submissions/" + finance + "/files/";
		mvc.perform(MockMvcRequestBuilders.delete(base + first)
			.header("Authorization", bearer("orgadmin2"))).andExpect(status().isNotFound());
		mvc.perform(MockMvcRequestBuilders.delete(base + first)
			.header("Authorization", bearer("orgadmin1"))).andExpect(status().isNoContent());
		JsonNode files = body(mvc.perform(get("/api/v1/collections/" + id + "/submissions/" + finance)
			.header("Authorization", bearer("orgadmin1"))).andExpect(status().isOk()).andReturn()).get("files");
		assertThat(files).hasSize(1);
		assertThat(files.get(0).get("name").asString()).isEqualTo("定稿.pdf");
		// the removed file is no longer part of the submission, for anyone
		mvc.perform(get("/api/v1/collections/" + id + "/files/" + first).header("Authorization", bearer("admin")))
			.andExpect(status().isNotFound());
		long last = files.get(0).get("id").asLong();
		mvc.perform(MockMvcRequestBuilders.delete(base + last)
			.header("Authorization", bearer("orgadmin1"))).andExpect(status().isUnprocessableContent());
	}

	@Test
	void acceptingATargetThatHasNotSubmittedIsRefused() throws Exception {
		long id = create("admin", NoticeFixtures.unique("未报"), List.of("市财政局工会"), Map.of(), 201);
		mvc.perform(post("/api/v1/collections/" + id + "/submissions/" + orgId("市财政局工会") + "/accept")
			.header("Authorization", bearer("admin"))).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/collections/" + id + "/submissions/" + orgId("市教育局工会") + "/accept")
			.header("Authorization", bearer("admin"))).andExpect(status().isNotFound());
	}

	@Test
	void anUploadAfterTheDeadlineIsRefusedOrMarkedLateAsTheTaskSays() throws Exception {
		long refusing = create("admin", NoticeFixtures.unique("逾期不收"), List.of("市财政局工会"),
				Map.of("latePolicy", "REFUSE_LATE"), 201);
		long allowing = create("admin", NoticeFixtures.unique("逾期标记"), List.of("市财政局工会"), Map.of(), 201);
		jdbc.sql("update collection_task set deadline = :d where id in (:ids)").param("d", OffsetDateTime.now(TestClock.CLOCK).minusHours(2))
			.param("ids", List.of(refusing, allowing)).update();
		assertThat(state(refusing, "市财政局工会")).isEqualTo("OVERDUE");
		upload(refusing, "orgadmin1", NoticeFixtures.pdf("file", "迟交.pdf"), null, 422);
		JsonNode late = body(upload(allowing, "orgadmin1", NoticeFixtures.pdf("file", "迟交.pdf"), null, 201));
		assertThat(late.get("late").asBoolean()).isTrue();
		assertThat(rows(allowing, "admin").get("市财政局工会").get("late").asBoolean()).isTrue();
	}

	@Test
	void aFileOfAKindTheTaskDoesNotTakeIsRefused() throws Exception {
		long id = create("admin", NoticeFixtures.unique("只收PDF"), List.of("市财政局工会"),
				Map.of("allowedKinds", List.of("PDF")), 201);
		upload(id, "orgadmin1", NoticeFixtures.text("file", "说明.txt"), null, 400);
		upload(id, "orgadmin1", NoticeFixtures.docx("file", "说明.docx"), null, 400);
		assertThat(state(id, "市财政局工会")).isEqualTo("NOT_STARTED");
		upload(id, "orgadmin1", NoticeFixtures.pdf("file", "说明.pdf"), null, 201);
	}

	@Test
	void targetsOutsideTheSendersScopeAndEmptyTargetsAreRefused() throws Exception {
		create("orgadmin1", NoticeFixtures.unique("越权"), List.of("市教育局工会"), Map.of(), 403);
		create("admin", NoticeFixtures.unique("空"), List.of(), Map.of(), 400);
		create("admin", NoticeFixtures.unique("过去"), List.of("市财政局工会"),
				Map.of("deadline", OffsetDateTime.now(TestClock.CLOCK).minusDays(1).toString()), 400);
		create("member1", NoticeFixtures.unique("职工"), List.of("市财政局工会"), Map.of(), 403);
	}

	@Test
	void whoAdministersSeveralTargetsNamesTheOrgTheyUploadFor() throws Exception {
		long id = create("admin", NoticeFixtures.unique("多单位"), List.of("市财政局工会", "市教育局工会"), Map.of(), 201);
		upload(id, "group1", NoticeFixtures.pdf("file", "a.pdf"), null, 201); // group1 administers only 市财政局工会 of the two
		upload(id, "admin", NoticeFixtures.pdf("file", "a.pdf"), null, 400);
		upload(id, "admin", NoticeFixtures.pdf("file", "a.pdf"), orgId("市教育局工会"), 201);
		upload(id, "orgadmin1", NoticeFixtures.pdf("file", "a.pdf"), orgId("市教育局工会"), 403);
		upload(id, "orgadmin2", NoticeFixtures.pdf("file", "a.pdf"), null, 201);
		upload(id, "member1", NoticeFixtures.pdf("file", "a.pdf"), null, 404);
	}

	@Test
	void remindersGoOutOnceADayToTargetsThatHaveNotSubmitted() throws Exception {
		long id = create("admin", NoticeFixtures.unique("提醒"), List.of("市财政局工会", "市教育局工会"), Map.of(), 201);
		upload(id, "orgadmin2", NoticeFixtures.pdf("file", "a.pdf"), null, 201);
		jdbc.sql("update collection_task set deadline = :d where id = :id").param("d", OffsetDateTime.now(TestClock.CLOCK).plusHours(12))
			.param("id", id).update();
		reminders.remind();
		reminders.remind();
		String key = "collection-" + id + "-remind-" + LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		assertThat(count(key, "orgadmin1")).isEqualTo(1);
		assertThat(count(key, "orgadmin2")).isZero();

		jdbc.sql("update collection_task set deadline = :d where id = :id").param("d", OffsetDateTime.now(TestClock.CLOCK).minusHours(12))
			.param("id", id).update();
		reminders.remind();
		assertThat(count("collection-" + id + "-overdue-" + LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)), "orgadmin1")).isEqualTo(1);
	}

	@Test
	void theCollectorUrgesTheUnitsThatHaveNotSubmittedAndEachHearsItOnceADay() throws Exception {
		long id = create("admin", NoticeFixtures.unique("催报"), List.of("市财政局工会", "市教育局工会"), Map.of(), 201);
		upload(id, "orgadmin2", NoticeFixtures.pdf("file", "a.pdf"), null, 201);
		assertThat(urge(id, "orgadmin1").getResponse().getStatus()).as("a target's admin may not urge").isEqualTo(403);
		assertThat(urge(id, "member1").getResponse().getStatus()).isEqualTo(404);
		assertThat(body(urge(id, "admin")).get("reminded").asInt()).isEqualTo(1);
		assertThat(body(urge(id, "admin")).get("reminded").asInt()).isEqualTo(1);
		String key = "collection-" + id + "-urge-" + LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		assertThat(count(key, "orgadmin1")).as("once a day however often pressed").isEqualTo(1);
		assertThat(count(key, "orgadmin2")).as("submitted").isZero();
		JsonNode board = body(mvc.perform(get("/api/v1/collections/" + id + "/status").header("Authorization", bearer("admin")))
			.andReturn());
		assertThat(board.get("totals").get("byState").get("NOT_STARTED").asLong()).isEqualTo(1);
		assertThat(board.get("totals").get("byState").get("SUBMITTED").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'COLLECTION' and object_id = :id"
				+ " and detail like '催报%'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
		MvcResult page = mvc.perform(post("/collections/" + id + "/reminders").session(login("admin"))
			.with(SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn();
		assertThat(page.getFlashMap().get("success")).isEqualTo("已催报 1 个未报送单位");
		String detail = mvc.perform(get("/collections/" + id).session(login("admin"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(detail).contains("id=\"collection-remind\"");
	}

	@Test
	void aTaskThatRefusesLateMaterialIsNotUrgedAfterItsDeadline() throws Exception {
		long id = create("admin", NoticeFixtures.unique("截止"), List.of("市财政局工会"), Map.of("latePolicy", "REFUSE_LATE"), 201);
		jdbc.sql("update collection_task set deadline = :d where id = :id")
			.param("d", OffsetDateTime.now(TestClock.CLOCK).minusHours(1)).param("id", id).update();
		MvcResult late = urge(id, "admin");
		assertThat(late.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(late).get("detail").asString()).contains("无需催报");
	}

	private MvcResult urge(long id, String user) throws Exception {
		return mvc.perform(post("/api/v1/collections/" + id + "/reminders").header("Authorization", bearer(user))).andReturn();
	}

	private long count(String key, String user) {
		return jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.recipient_account_id
				where n.event_key = :k and a.username = :u and n.channel = 'INBOX'""")
			.param("k", key).param("u", user).query(Long.class).single();
	}

	@Test
	void aTargetUnitSeesOnlyItsOwnStateInTheListWhileTheCollectorSeesTheCounts() throws Exception {
		String title = NoticeFixtures.unique("半年总结");
		long id = create("admin", title, List.of("市财政局工会", "市教育局工会", "市直机关工委"), Map.of(), 201);
		upload(id, "orgadmin2", NoticeFixtures.pdf("file", "总结.pdf"), null, 201);
		mvc.perform(post("/api/v1/collections/" + id + "/submissions/" + orgId("市教育局工会") + "/accept")
			.header("Authorization", bearer("admin"))).andExpect(status().isOk());

		JsonNode mine = listed("orgadmin1", id);
		assertThat(mine.get("collector").asBoolean()).isFalse();
		assertThat(mine.get("targets").asInt()).isEqualTo(1);
		assertThat(mine.get("submitted").asInt()).isZero();
		assertThat(mine.get("ownStatus").get("code").asString()).isEqualTo("NOT_STARTED");
		assertThat(listed("orgadmin2", id).get("ownStatus").get("code").asString()).isEqualTo("ACCEPTED");
		JsonNode collector = listed("admin", id);
		assertThat(collector.get("collector").asBoolean()).isTrue();
		assertThat(collector.get("targets").asInt()).isEqualTo(3);
		assertThat(collector.get("accepted").asInt()).isEqualTo(1);
		assertThat(collector.get("ownStatus").isNull()).isTrue();

		String page = mvc.perform(get("/collections").session(login("orgadmin1"))).andReturn().getResponse().getContentAsString();
		String item = page.substring(page.indexOf(title), page.indexOf("</a>", page.indexOf(title)));
		assertThat(item).contains("本单位", "未报送").doesNotContain("共 3 个单位", "已通过 1");
		String sent = mvc.perform(get("/collections").param("box", "sent").session(login("admin"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(sent).contains("已报送 1，已通过 1，共 3 个单位");
	}

	private JsonNode listed(String user, long id) throws Exception {
		for (JsonNode item : body(mvc.perform(get("/api/v1/collections").param("size", "100")
			.header("Authorization", bearer(user))).andExpect(status().isOk()).andReturn()).get("content")) {
			if (item.get("id").asLong() == id) {
				return item;
			}
		}
		throw new AssertionError("task " + id + " not in the list of " + user);
	}
}
