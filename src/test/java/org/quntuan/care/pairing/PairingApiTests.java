package org.quntuan.care.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.audit.AuditLog;
import org.quntuan.care.PairingFigures;
import org.quntuan.identity.RoleHolders;
import org.quntuan.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The pairing API: the work committee pairs an organ with a community, the organ's admin plans and records
 * progress with a photo, a problem moves from 提出 to 已解决 with a note each step, lists are scoped, a new term
 * keeps the old pair, overdue problems are escalated once, and the figures count what was done.
 */
class PairingApiTests extends PairingFixtures {

	@Autowired
	ProblemRepository problems;

	@Autowired
	RoleHolders roles;

	@Autowired
	Notifications notifications;

	@Autowired
	AuditLog audit;

	@Autowired
	PairingFigures figures;

	private long audits(String type, long id) {
		return jdbc.sql("select count(*) from audit_event where object_type = :t and object_id = :id")
			.param("t", type).param("id", String.valueOf(id)).query(Long.class).single();
	}

	private List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("content").forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	@Test
	void theWorkCommitteePairsAnOrganWhoseAdminSeesItAndNoOtherOrgansAdminDoes() throws Exception {
		long own = pair("市财政局");
		long sibling = pair("市教育局");
		int year = today().getYear();
		JsonNode detail = json(send("orgadmin1", "GET", "/api/v1/pairs/" + own, null));
		assertThat(detail.get("organName").asString()).isEqualTo("市财政局");
		assertThat(detail.get("startYear").asInt()).isEqualTo(year);
		assertThat(detail.get("contacts").get(0).get("mobile").asString()).contains("****");
		assertThat(detail.get("partner").get("contactPhone").asString()).isEqualTo("139****9876");
		assertThat(audits("CARE_PAIR", own)).isEqualTo(1);

		List<Long> mine = ids(json(send("orgadmin1", "GET", "/api/v1/pairs?size=200&year=" + year, null)));
		assertThat(mine).contains(own).doesNotContain(sibling);
		assertThat(ids(json(send("admin", "GET", "/api/v1/pairs?size=200&year=" + year, null)))).contains(own, sibling);
		assertThat(send("orgadmin1", "GET", "/api/v1/pairs/" + sibling, null).getResponse().getStatus()).isEqualTo(404);
		assertThat(send("member1", "GET", "/api/v1/pairs", null).getResponse().getStatus()).isEqualTo(403);
		// only the work committee pairs
		assertThat(send("orgadmin1", "POST", "/api/v1/pairs", "{}").getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aNewTermIsANewPairAndTheOldOneIsKept() throws Exception {
		long old = pair("市财政局");
		long next = created(send("admin", "POST", "/api/v1/pairs/" + old + "/renewal", null));
		JsonNode renewed = json(send("admin", "GET", "/api/v1/pairs/" + next, null));
		int year = today().getYear();
		assertThat(renewed.get("startYear").asInt()).isEqualTo(year + 2);
		assertThat(renewed.get("endYear").asInt()).isEqualTo(year + 3);
		assertThat(renewed.get("previousPairId").asLong()).isEqualTo(old);
		assertThat(renewed.get("contacts")).hasSize(1);
		JsonNode kept = json(send("admin", "GET", "/api/v1/pairs/" + old, null));
		assertThat(kept.get("endYear").asInt()).isEqualTo(year + 1);
		assertThat(kept.get("nextPairId").asLong()).isEqualTo(next);
		assertThat(kept.get("canRenew").asBoolean()).isFalse();
		// a second renewal of the same term overlaps the first
		assertThat(send("admin", "POST", "/api/v1/pairs/" + old + "/renewal", null).getResponse().getStatus())
			.isEqualTo(422);
		assertThat(send("orgadmin1", "POST", "/api/v1/pairs/" + next + "/renewal", null).getResponse().getStatus())
			.isEqualTo(403);
	}

	@Test
	void theOrgansAdminPlansAJointProjectAndRecordsItsProgressWithAPhoto() throws Exception {
		long pair = pair("市财政局");
		LocalDate on = today();
		long item = created(send("orgadmin1", "POST", "/api/v1/pairs/" + pair + "/plan-items", """
				{"title":"重阳节敬老","plannedOn":"%s","who":"单位工会、社区志愿者"}""".formatted(on)));
		MvcResult progress = mvc.perform(multipart("/api/v1/pair-plan-items/" + item + "/progress")
			.file(new MockMultipartFile("photo", "visit.png", "image/png", PNG)).param("happenedOn", on.toString())
			.param("note", "慰问老人 20 人").header("Authorization", bearer("orgadmin1"))).andReturn();
		long entry = created(progress);
		JsonNode plan = json(send("orgadmin1", "GET", "/api/v1/pairs/" + pair + "?year=" + on.getYear(), null)).get("plan");
		assertThat(plan).hasSize(1);
		assertThat(plan.get(0).get("who").asString()).isEqualTo("单位工会、社区志愿者");
		assertThat(plan.get(0).get("progress").get(0).get("photo").asBoolean()).isTrue();
		MvcResult photo = mvc.perform(get("/api/v1/pair-progress/" + entry + "/photo")
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(photo.getResponse().getContentAsByteArray()).isEqualTo(PNG);
		assertThat(mvc.perform(get("/api/v1/pair-progress/" + entry + "/photo").header("Authorization", bearer("orgadmin2")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(audits("CARE_PAIR_PLAN", item)).isEqualTo(1);
		assertThat(audits("CARE_PAIR_PROGRESS", entry)).isEqualTo(1);
	}

	@Test
	void aProblemMovesStepByStepToSolvedWithANoteEachStepAndItsHistoryIsKept() throws Exception {
		long pair = pair("市财政局");
		long problem = problem("orgadmin1", pair, "ELDERLY_CARE", today().plusDays(30));
		String[] path = { "ACCEPTED", "COORDINATING", "SOLVED" };
		for (int i = 0; i < path.length; i++) {
			JsonNode moved = json(move(i == 2 ? "admin" : "orgadmin1", problem, path[i], "第" + (i + 1) + "步说明", i));
			assertThat(moved.get("problem").get("status").get("code").asString()).isEqualTo(path[i]);
		}
		JsonNode detail = json(send("orgadmin1", "GET", "/api/v1/pair-problems/" + problem, null));
		assertThat(detail.get("steps")).hasSize(4);
		assertThat(detail.get("steps").get(3).get("note").asString()).isEqualTo("第3步说明");
		assertThat(detail.get("steps").get(3).get("from").get("label").asString()).isEqualTo("协调中");
		assertThat(detail.get("next")).isEmpty();
		assertThat(detail.get("problem").get("closedOn").asString()).isEqualTo(today().toString());
		assertThat(audits("CARE_PAIR_PROBLEM", problem)).isEqualTo(4);

		JsonNode solved = json(send("orgadmin1", "GET", "/api/v1/pair-problems?status=SOLVED&size=200", null));
		assertThat(ids(solved)).contains(problem);
		assertThat(solved.get("totalElements").asLong()).isPositive();
		assertThat(ids(json(send("orgadmin2", "GET", "/api/v1/pair-problems?size=200", null)))).doesNotContain(problem);
		assertThat(figures.org(orgId("市财政局"), today().getYear()).problemsSolved()).isPositive();
		assertThat(figures.byOrgan(today().getYear()).get(orgId("市财政局")).pairs()).isPositive();
	}

	@Test
	void anOverdueOpenProblemIsEscalatedOnceAndTheWorkCommitteeIsTold() throws Exception {
		long pair = pair("市财政局");
		LocalDate due = today().plusDays(10);
		long problem = problem("orgadmin1", pair, "SAFETY", due);
		long solved = problem("orgadmin1", pair, "SAFETY", due);
		for (String s : new String[] { "ACCEPTED", "COORDINATING", "SOLVED" }) {
			move("orgadmin1", solved, s, "办理", steps(solved) - 1);
		}
		Clock onDueDate = Clock.fixed(due.atTime(12, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
		Clock dayAfter = Clock.fixed(due.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
		new ProblemEscalation(problems, roles, notifications, audit, jdbc, onDueDate).escalateOverdue();
		assertThat(escalatedAt(problem)).isNull();

		int first = new ProblemEscalation(problems, roles, notifications, audit, jdbc, dayAfter).escalateOverdue();
		assertThat(first).isPositive();
		assertThat(escalatedAt(problem)).isNotNull();
		assertThat(escalatedAt(solved)).isNull();
		String key = "care-pair-problem-" + problem + "-escalated";
		long admins = jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.recipient_account_id
				where n.event_key = :k and a.username = 'admin'""").param("k", key).query(Long.class).single();
		assertThat(admins).isEqualTo(1);
		new ProblemEscalation(problems, roles, notifications, audit, jdbc, dayAfter).escalateOverdue();
		assertThat(jdbc.sql("select count(*) from notification where event_key = :k").param("k", key).query(Long.class)
			.single()).isEqualTo(admins);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'CARE_PAIR_PROBLEM' and object_id = :id"
				+ " and detail like '%上报%'").param("id", String.valueOf(problem)).query(Long.class).single()).isEqualTo(1);
	}

	private Object escalatedAt(long problem) {
		return jdbc.sql("select escalated_at from care_pair_problem where id = :id").param("id", problem)
			.query((rs, i) -> rs.getObject(1)).list().get(0);
	}

	@Test
	void theBoardCountsOpenProblemsByCategoryAndAgeForTheWorkCommitteeOnly() throws Exception {
		long pair = pair("市教育局");
		JsonNode before = json(send("admin", "GET", "/api/v1/pair-problems/board", null));
		problem("admin", pair, "EMPLOYMENT", today().plusDays(5));
		JsonNode after = json(send("admin", "GET", "/api/v1/pair-problems/board", null));
		assertThat(row(after, "EMPLOYMENT").get("upTo30").asInt()).isEqualTo(row(before, "EMPLOYMENT").get("upTo30").asInt() + 1);
		assertThat(after.get("totals").get("total").asInt()).isEqualTo(before.get("totals").get("total").asInt() + 1);
		assertThat(send("orgadmin1", "GET", "/api/v1/pair-problems/board", null).getResponse().getStatus()).isEqualTo(403);
	}

	private static JsonNode row(JsonNode board, String category) {
		for (JsonNode r : board.get("rows")) {
			if (r.get("category").get("code").asString().equals(category)) {
				return r;
			}
		}
		throw new AssertionError(category);
	}

	@Test
	void theYearsSummaryIsAnExcelFileAndAudited() throws Exception {
		long pair = pair("市财政局");
		problem("orgadmin1", pair, "OTHER", today().plusDays(3));
		MvcResult r = send("orgadmin1", "GET", "/api/v1/pairs/" + pair + "/summary.xlsx", null);
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(r.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
		assertThat(audits("CARE_PAIR_EXPORT", pair)).isEqualTo(1);
		assertThat(send("orgadmin2", "GET", "/api/v1/pairs/" + pair + "/summary.xlsx", null).getResponse().getStatus())
			.isEqualTo(404);
	}
}
