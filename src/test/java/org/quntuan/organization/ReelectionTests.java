package org.quntuan.organization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The life of a leadership team: request, approval, election, result, approval, new team; each step
 * only after the one before. Each test works on a union of its own, set up beside 市财政局工会 by the
 * federation admin (who files), with the 第一片组 admin as the superior who approves.
 */
class ReelectionTests extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	ReelectionReminders reminders;

	static final LocalDate TODAY = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));

	long newUnion() throws Exception {
		// a second union beside 市财政局工会, which only the federation admin may allow on purpose
		String body = json.writeValueAsString(Map.of("parentId", orgId("市财政局"), "type", "UNION", "name",
				"换届测试工会" + UUID.randomUUID().toString().substring(0, 8), "allowDuplicate", true));
		return body(mvc.perform(post("/api/v1/orgs").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn())
			.get("id").asLong();
	}

	/**
	 * Active people of 市财政局 without a named demo account or any role binding, so that a handover
	 * changes the roles of nobody other tests sign in as.
	 */
	List<Long> people(int n) {
		return jdbc.sql("""
				select p.id from person p where p.organ_id = :organ and p.active = true
				and not exists (select 1 from account a where a.person_id = p.id and a.username in
				  ('orgadmin1', 'orgadmin2', 'member1', 'finance1', 'auditor1', 'info1', 'group1', 'group2'))
				and not exists (select 1 from account a join role_binding b on b.account_id = a.id where a.person_id = p.id
				  and b.org_id not in (select o.id from org o where o.name like '换届测试工会%'))
				order by p.id""")
			.param("organ", orgId("市财政局")).query(Long.class).list().subList(0, n);
	}

	JsonNode call(String user, String method, String url, Object body, int expected) throws Exception {
		var request = (method.equals("GET") ? get(url) : post(url)).header("Authorization", bearer(user));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
		}
		var result = mvc.perform(request).andExpect(status().is(expected)).andReturn();
		String text = result.getResponse().getContentAsString();
		return text.isEmpty() ? null : json.readTree(text);
	}

	Map<String, Object> request(List<Long> candidates, Integer seats) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("plannedDate", TODAY.plusDays(20).toString());
		body.put("reason", "本届任期即将届满，拟按期换届");
		body.put("candidates", candidates);
		if (seats != null) {
			body.put("seats", seats);
		}
		return body;
	}

	/** Everyone gets votes; the first is elected chair, the second vice chair, the rest up to {@code elected} members. */
	Map<String, Object> result(List<Long> candidates, int elected) {
		List<Map<String, Object>> votes = new ArrayList<>();
		List<Map<String, Object>> chosen = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			votes.add(Map.of("personId", candidates.get(i), "votes", 40 - i));
			if (i < elected) {
				chosen.add(Map.of("personId", candidates.get(i), "position", i == 0 ? "CHAIR" : i == 1 ? "副主席" : "委员"));
			}
		}
		return Map.of("heldOn", TODAY.toString(), "votes", votes, "elected", chosen);
	}

	void decide(String user, long approvalId, String decision, int expected) throws Exception {
		call(user, "POST", "/api/v1/approvals/" + approvalId + "/decision",
				Map.of("decision", decision, "comment", "审批意见"), expected);
	}

	String statusOf(long reelectionId) {
		return jdbc.sql("select status from reelection where id = :id").param("id", reelectionId).query(String.class)
			.single();
	}

	/** Files, approves the request, reports, approves the result; returns the re-election id. */
	long completeReelection(long union, List<Long> candidates, int elected) throws Exception {
		JsonNode filed = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(candidates, null), 201);
		long id = filed.get("id").asLong();
		decide("group1", filed.get("approvalId").asLong(), "APPROVE", 200);
		JsonNode reported = call("admin", "POST", "/api/v1/reelections/" + id + "/result", result(candidates, elected), 201);
		decide("group1", reported.get("approvalId").asLong(), "APPROVE", 200);
		return id;
	}

	@Test
	void aReElectionGoesFromRequestThroughApprovalElectionAndResultToANewTeam() throws Exception {
		long union = newUnion();
		List<Long> candidates = people(4);
		JsonNode filed = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(candidates, 3), 201);
		long id = filed.get("id").asLong();
		assertThat(filed.get("approvalId").asLong()).isPositive();
		assertThat(filed.get("status").get("code").asString()).isEqualTo("REQUEST_PENDING");
		JsonNode leadership = call("orgadmin2", "GET", "/api/v1/orgs/" + union + "/leadership", null, 404);
		leadership = call("admin", "GET", "/api/v1/orgs/" + union + "/leadership", null, 200);
		assertThat(leadership.get("state").get("code").asString()).isEqualTo("REQUEST_PENDING");
		assertThat(leadership.get("openReelection").get("id").asLong()).isEqualTo(id);

		decide("group1", filed.get("approvalId").asLong(), "APPROVE", 200);
		assertThat(statusOf(id)).isEqualTo("APPROVED");
		JsonNode reported = call("admin", "POST", "/api/v1/reelections/" + id + "/result", result(candidates, 3), 201);
		assertThat(statusOf(id)).isEqualTo("RESULT_PENDING");
		decide("group1", reported.get("approvalId").asLong(), "APPROVE", 200);

		assertThat(statusOf(id)).isEqualTo("COMPLETED");
		leadership = call("admin", "GET", "/api/v1/orgs/" + union + "/leadership", null, 200);
		JsonNode team = leadership.get("current");
		assertThat(team.get("termStart").asString()).isEqualTo(TODAY.toString());
		assertThat(team.get("termEnd").asString()).isEqualTo(TODAY.plusYears(5).minusDays(1).toString());
		assertThat(team.get("members")).hasSize(3);
		assertThat(team.get("members").get(0).get("personId").asLong()).isEqualTo(candidates.get(0));
		assertThat(team.get("members").get(0).get("position").get("label").asString()).isEqualTo("主席");
		assertThat(leadership.get("state").get("code").asString()).isEqualTo("NORMAL");
		assertThat(leadership.get("openReelection").isNull()).isTrue();
	}

	@Test
	void theNewTeamReplacesTheOldWhichIsKeptAsHistory() throws Exception {
		long union = newUnion();
		List<Long> people = people(6);
		completeReelection(union, people.subList(0, 3), 3);
		completeReelection(union, people.subList(3, 6), 3);
		JsonNode leadership = call("admin", "GET", "/api/v1/orgs/" + union + "/leadership", null, 200);
		assertThat(leadership.get("current").get("members").get(0).get("personId").asLong()).isEqualTo(people.get(3));
		assertThat(leadership.get("former")).hasSize(1);
		assertThat(leadership.get("former").get(0).get("members").get(0).get("personId").asLong()).isEqualTo(people.get(0));
		assertThat(leadership.get("former").get(0).get("replacedAt").isNull()).isFalse();
	}

	@Test
	void theOrgAdminRolePassesToTheNewChairAndTheOldChairLosesItWhenOffTheTeam() throws Exception {
		long union = newUnion();
		List<Long> people = people(6);
		completeReelection(union, people.subList(0, 3), 3);
		assertThat(orgAdminsAt(union)).containsExactly(people.get(0));
		// the old chair stays on the team as a member: keeps the role
		completeReelection(union, List.of(people.get(3), people.get(0), people.get(4)), 3);
		assertThat(orgAdminsAt(union)).containsExactlyInAnyOrder(people.get(0), people.get(3));
		// the chair leaves the team: loses the role
		completeReelection(union, List.of(people.get(5), people.get(1), people.get(2)), 3);
		assertThat(orgAdminsAt(union)).contains(people.get(5)).doesNotContain(people.get(3));
		assertThat(jdbc.sql("select count(*) from audit_event where detail like :d").param("d", "换届移交：收回%")
			.query(Long.class).single()).isPositive();
	}

	List<Long> orgAdminsAt(long org) {
		return jdbc.sql("""
				select a.person_id from role_binding b join account a on a.id = b.account_id
				where b.org_id = :org and b.role = 'ORG_ADMIN'""").param("org", org).query(Long.class).list();
	}

	@Test
	void aReElectionResultCannotBeFiledBeforeTheRequestIsApproved() throws Exception {
		long union = newUnion();
		List<Long> candidates = people(3);
		long id = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(candidates, null), 201)
			.get("id").asLong();
		JsonNode problem = call("admin", "POST", "/api/v1/reelections/" + id + "/result", result(candidates, 3), 422);
		assertThat(problem.get("detail").asString()).contains("换届请示尚未批准");
		assertThat(statusOf(id)).isEqualTo("REQUEST_PENDING");
	}

	@Test
	void anOrgCannotFileASecondRequestWhileOneIsPending() throws Exception {
		long union = newUnion();
		List<Long> candidates = people(3);
		call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(candidates, null), 201);
		JsonNode problem = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(candidates, null), 409);
		assertThat(problem.get("detail").asString()).contains("正在进行的换届");
		assertThat(jdbc.sql("select count(*) from reelection where org_id = :o").param("o", union).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aResultWithMoreElectedThanSeatsIsRefusedAndNothingChanges() throws Exception {
		long union = newUnion();
		List<Long> candidates = people(4);
		JsonNode filed = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(candidates, 2), 201);
		long id = filed.get("id").asLong();
		decide("group1", filed.get("approvalId").asLong(), "APPROVE", 200);
		JsonNode problem = call("admin", "POST", "/api/v1/reelections/" + id + "/result", result(candidates, 3), 400);
		assertThat(problem.get("detail").asString()).contains("超过应选名额");
		assertThat(statusOf(id)).isEqualTo("APPROVED");
		assertThat(jdbc.sql("select count(*) from reelection_candidate where reelection_id = :id and votes is not null")
			.param("id", id).query(Long.class).single()).isZero();
	}

	@Test
	void candidatesMustBeOnTheRegisterOfTheOrgansOwnPeople() throws Exception {
		long union = newUnion();
		long elsewhere = personOf("orgadmin2");
		List<Long> candidates = new ArrayList<>(people(2));
		candidates.add(elsewhere);
		JsonNode problem = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(candidates, null), 400);
		assertThat(problem.get("detail").asString()).contains("不是本单位在册人员");
		call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(List.of(people(1).get(0), people(1).get(0)), null), 400);
		assertThat(jdbc.sql("select count(*) from reelection where org_id = :o").param("o", union).query(Long.class)
			.single()).isZero();
	}

	@Test
	void moreSeatsThanCandidatesOrAPlannedDateInThePastAreRefused() throws Exception {
		long union = newUnion();
		call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(people(2), 3), 400);
		Map<String, Object> past = request(people(2), null);
		past.put("plannedDate", TODAY.minusDays(1).toString());
		call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", past, 400);
		Map<String, Object> unknown = request(people(2), null);
		unknown.put("votes", 3);
		call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", unknown, 400);
	}

	@Test
	void attachmentsArePdfOrWordOnlyAndOnlyForThoseWhoSeeTheReElection() throws Exception {
		long union = newUnion();
		long id = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(people(3), null), 201)
			.get("id").asLong();
		var exe = new MockMultipartFile("file", "请示.exe", "application/octet-stream", new byte[] { 'M', 'Z', 1, 2 });
		var result = mvc.perform(multipart("/api/v1/reelections/" + id + "/attachments").file(exe)
			.header("Authorization", bearer("admin"))).andExpect(status().isBadRequest()).andReturn();
		assertThat(body(result).get("detail").asString()).contains("文件类型不受支持");
		var fakePdf = new MockMultipartFile("file", "请示.pdf", "application/pdf", "not a pdf".getBytes());
		mvc.perform(multipart("/api/v1/reelections/" + id + "/attachments").file(fakePdf)
			.header("Authorization", bearer("admin"))).andExpect(status().isBadRequest());
		var pdf = new MockMultipartFile("file", "换届请示.pdf", "application/pdf", "%PDF-1.4 test".getBytes());
		long fileId = body(mvc.perform(multipart("/api/v1/reelections/" + id + "/attachments").file(pdf)
			.header("Authorization", bearer("admin"))).andExpect(status().isCreated()).andReturn()).get("id").asLong();
		mvc.perform(get("/api/v1/reelections/" + id + "/attachments/" + fileId).header("Authorization", bearer("group1")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/reelections/" + id + "/attachments/" + fileId).header("Authorization", bearer("member1")))
			.andExpect(status().isNotFound());
		assertThat(call("admin", "GET", "/api/v1/reelections/" + id, null, 200).get("attachments")).hasSize(1);
	}

	@Test
	void aReturnedRequestIsEditedAndResubmittedAndARejectedResultSendsTheOrgBackToTheElection() throws Exception {
		long union = newUnion();
		List<Long> people = people(4);
		JsonNode filed = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(people.subList(0, 3), null), 201);
		long id = filed.get("id").asLong();
		long approval = filed.get("approvalId").asLong();
		decide("group1", approval, "RETURN", 200);
		assertThat(statusOf(id)).isEqualTo("REQUEST_RETURNED");
		Map<String, Object> edited = request(people, null);
		edited.put("comment", "增加一名候选人");
		call("admin", "POST", "/api/v1/reelections/" + id + "/resubmit", edited, 200);
		assertThat(statusOf(id)).isEqualTo("REQUEST_PENDING");
		assertThat(call("admin", "GET", "/api/v1/reelections/" + id, null, 200).get("candidates")).hasSize(4);
		decide("group1", approval, "APPROVE", 200);

		long first = call("admin", "POST", "/api/v1/reelections/" + id + "/result", result(people, 3), 201)
			.get("approvalId").asLong();
		decide("group1", first, "REJECT", 200);
		assertThat(statusOf(id)).isEqualTo("APPROVED");
		long second = call("admin", "POST", "/api/v1/reelections/" + id + "/result", result(people, 2), 201)
			.get("approvalId").asLong();
		assertThat(second).isNotEqualTo(first);
		decide("group1", second, "APPROVE", 200);
		assertThat(statusOf(id)).isEqualTo("COMPLETED");
	}

	@Test
	void aWithdrawnRequestEndsTheReElectionAndTheOrgMayFileAgain() throws Exception {
		long union = newUnion();
		List<Long> candidates = people(3);
		long id = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(candidates, null), 201)
			.get("id").asLong();
		call("admin", "POST", "/api/v1/reelections/" + id + "/withdraw", Map.of("reason", "推迟换届"), 200);
		assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
		call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(candidates, null), 201);
	}

	@Test
	void theBoardListsEveryOrgInScopeWithOverdueFirstAndIsForAdminsOnly() throws Exception {
		JsonNode answer = call("admin", "GET", "/api/v1/reelections/board", null, 200);
		JsonNode board = answer.get("rows");
		assertThat(board.size()).isGreaterThan(10);
		assertThat(answer.get("totals").get("orgs").asLong()).isEqualTo(board.size());
		assertThat(answer.get("totals").get("overdue").asLong()).isPositive();
		List<String> states = new ArrayList<>();
		board.forEach(r -> states.add(r.get("state").get("code").asString()));
		assertThat(states).contains("OVERDUE", "DUE_SOON", "NORMAL");
		// overdue rows first
		boolean seenOther = false;
		for (JsonNode row : board) {
			if (!row.get("overdue").asBoolean()) {
				seenOther = true;
			}
			else {
				assertThat(seenOther).as("overdue after a non-overdue row").isFalse();
			}
		}
		JsonNode own = call("orgadmin1", "GET", "/api/v1/reelections/board", null, 200).get("rows");
		assertThat(own).hasSize(1);
		assertThat(own.get(0).get("orgName").asString()).isEqualTo("市财政局工会");
		JsonNode group = call("group1", "GET", "/api/v1/reelections/board?type=UNION", null, 200).get("rows");
		assertThat(group).isNotEmpty();
		group.forEach(r -> assertThat(r.get("groupName").asString()).isEqualTo("第一片组"));
		group.forEach(r -> assertThat(r.get("orgType").get("code").asString()).isEqualTo("UNION"));
		call("member1", "GET", "/api/v1/reelections/board", null, 403);
		mvc.perform(get("/reelections/export").session(login("admin"))).andExpect(status().isOk());
	}

	@Test
	void theLeadershipOfAUnionShowsItsTeamToItsMembers() throws Exception {
		JsonNode leadership = call("member1", "GET", "/api/v1/orgs/" + orgId("市财政局工会") + "/leadership", null, 200);
		assertThat(leadership.get("applicable").asBoolean()).isTrue();
		assertThat(leadership.get("termYears").asInt()).isEqualTo(5);
		assertThat(leadership.get("current").get("members").get(0).get("personId").asLong())
			.isEqualTo(personOf("orgadmin1"));
		assertThat(call("member1", "GET", "/api/v1/orgs/" + orgId("市财政局") + "/leadership", null, 200)
			.get("applicable").asBoolean()).isFalse();
	}

	@Test
	void theAdminsAndTheSuperiorAreRemindedOnceWhenATermEndsWithinThreeMonths() throws Exception {
		long union = newUnion();
		long team = jdbc.sql("select max(id) from leadership_team").query(Long.class).single() + 1000;
		jdbc.sql("""
				insert into leadership_team (id, org_id, current_org_id, term_start, term_end, created_at)
				values (:id, :o, :o, :start, :end, current_timestamp)""")
			.param("id", team).param("o", union).param("start", TODAY.minusYears(5).plusDays(40))
			.param("end", TODAY.plusDays(40)).update();
		reminders.remind();
		reminders.remind();
		assertThat(jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.recipient_account_id
				where a.username = 'group1' and n.event_key = :k and n.channel = 'INBOX'""")
			.param("k", "reelection-due-" + team).query(Long.class).single()).isEqualTo(1);
		// once the org files, the reminders stop
		call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(people(3), null), 201);
		jdbc.sql("update leadership_team set term_end = :end where id = :id").param("end", TODAY.minusDays(1))
			.param("id", team).update();
		reminders.remind();
		assertThat(jdbc.sql("select count(*) from notification where event_key like :k")
			.param("k", "reelection-overdue-" + team + "-%").query(Long.class).single()).isZero();
	}

	@Test
	void aNewChairWithoutAnAccountLeavesTheRolesAsTheyWereAndTheLogSaysSo() throws Exception {
		long union = newUnion();
		List<Long> people = people(3);
		jdbc.sql("update account set enabled = false where person_id = :p").param("p", people.get(0)).update();
		try {
			completeReelection(union, people, 3);
			assertThat(orgAdminsAt(union)).isEmpty();
			assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'ROLE_BINDING' and object_id = :o and result = 'FAILURE'")
				.param("o", String.valueOf(union)).query(Long.class).single()).isEqualTo(1);
		}
		finally {
			jdbc.sql("update account set enabled = true where person_id = :p").param("p", people.get(0)).update();
		}
	}

	@Test
	void theReElectionPageShowsWhenTheRequestWasFiledInBeijingTime() throws Exception {
		long union = newUnion();
		long id = call("admin", "POST", "/api/v1/orgs/" + union + "/reelections", request(people(3), null), 201).get("id")
			.asLong();
		// 08:53 in Beijing, stored as the UTC instant 00:53Z, as PostgreSQL hands it back
		OffsetDateTime filed = TODAY.atTime(8, 53).atZone(Zones.BUSINESS).toOffsetDateTime()
			.withOffsetSameInstant(ZoneOffset.UTC);
		jdbc.sql("update reelection set filed_at = :at where id = :id").param("at", filed).param("id", id).update();

		String page = mvc.perform(get("/reelections/" + id).session(login("admin"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains(TODAY + " 08:53").doesNotContain(TODAY + " 00:53");
	}
}
