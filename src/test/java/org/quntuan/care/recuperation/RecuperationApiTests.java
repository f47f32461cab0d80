package org.quntuan.care.recuperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.care.recuperation.RecuperationFixtures.fresh;
import static org.quntuan.care.recuperation.RecuperationFixtures.nominations;
import static org.quntuan.care.recuperation.RecuperationFixtures.organ;
import static org.quntuan.care.recuperation.RecuperationFixtures.status;
import static org.quntuan.care.recuperation.RecuperationFixtures.today;
import static org.quntuan.care.recuperation.RecuperationFixtures.username;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.support.AuditTrail;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Recuperation through the API as the work committee plans it, org admins nominate, the people answer and
 * the organizers record the trip: places per organ within the capacity, nominations within the organ's
 * places or onto its wait list, a declined place moving to the next on the wait list (who is notified),
 * the eligibility rules (in service, not recuperated within three years, one open nomination at a time,
 * a title for 劳模 batches), attendance after the trip; bad input is named and changes nothing.
 */
class RecuperationApiTests extends IntegrationTest {

	private MvcResult send(MockHttpServletRequestBuilder request,
			String username, String body) throws Exception {
		request.header("Authorization", bearer(username));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request).andReturn();
	}

	private long batch(String kind, int capacity, String quotas) throws Exception {
		LocalDate start = today().plusDays(20);
		MvcResult r = send(post("/api/v1/care/recuperation/batches"), "admin", "{\"title\":\"测试疗休养" + System.nanoTime()
				+ "\",\"kind\":\"" + kind + "\",\"destination\":\"黄山市职工疗休养院\",\"startsOn\":\"" + start + "\",\"endsOn\":\""
				+ start.plusDays(4) + "\",\"capacity\":" + capacity + ",\"costPerPerson\":\"2800.00\",\"quotas\":[" + quotas + "]}");
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private String quota(String organ, int places) {
		return "{\"organId\":" + orgId(organ) + ",\"places\":" + places + "}";
	}

	private MvcResult nominate(String username, long batch, long person, String extra) throws Exception {
		return send(post("/api/v1/care/recuperation/batches/" + batch + "/nominations"), username,
				"{\"personId\":" + person + (extra == null ? "" : "," + extra) + "}");
	}

	private long nominated(String username, long batch, long person, String extra, String expectedStatus) throws Exception {
		MvcResult r = nominate(username, batch, person, extra);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		assertThat(body(r).get("status").get("code").asString()).isEqualTo(expectedStatus);
		return body(r).get("id").asLong();
	}

	private String detail(MvcResult r) throws Exception {
		return body(r).get("detail").asString();
	}

	private int version(long batch) {
		return jdbc.sql("select version from care_recuperation_batch where id = :b").param("b", batch).query(Integer.class)
			.single();
	}

	@Test
	void nominationsStayWithinTheOrgansPlacesAndTheAdminsReachAndTheNomineeIsAskedToConfirm() throws Exception {
		String first = organ(jdbc, "第一片组", 0);
		long b = batch("STAFF", 5, quota(first, 2) + "," + quota("市教育局", 1));
		List<Long> people = fresh(jdbc, first, 4);
		long n1 = nominated("group1", b, people.get(0), null, "NOMINATED");
		nominated("group1", b, people.get(1), null, "NOMINATED");

		MvcResult over = nominate("group1", b, people.get(2), null);
		assertThat(over.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(over)).isEqualTo(first + "在本批次的名额为 2 人，已推荐 2 人，名额已满；可将其列入候补名单");
		assertThat(nominations(jdbc, b)).isEqualTo(2);
		nominated("group1", b, people.get(2), "\"waitList\":true", "WAITING");
		MvcResult twice = nominate("group1", b, people.get(0), null);
		assertThat(twice.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(twice)).contains("已在本批次名单中（待本人确认）");

		long education = fresh(jdbc, "市教育局", 1).get(0);
		MvcResult outside = nominate("group1", b, education, null);
		assertThat(outside.getResponse().getStatus()).isEqualTo(403);
		assertThat(detail(outside)).contains("不在您的管理范围内");
		assertThat(nominate("group1", b, 99_999_999L, null).getResponse().getStatus()).isEqualTo(400);
		assertThat(send(post("/api/v1/care/recuperation/batches/" + b + "/nominations"), "group1", "{}").getResponse()
			.getStatus()).isEqualTo(400);
		// an organ without places: its admin does not see the batch; another admin is told there are none
		assertThat(nominate("orgadmin1", b, people.get(3), null).getResponse().getStatus()).isEqualTo(404);
		MvcResult noPlaces = nominate("admin", b, fresh(jdbc, organ(jdbc, "第八片组", 2), 1).get(0), null);
		assertThat(noPlaces.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(noPlaces)).startsWith("本批次没有给");
		assertThat(nominations(jdbc, b)).isEqualTo(3);

		// the other organ's admin fills their place and sees only their own people
		nominated("orgadmin2", b, education, null, "NOMINATED");
		JsonNode roster = body(send(get("/api/v1/care/recuperation/batches/" + b + "/nominations"), "orgadmin2", null))
			.get("content");
		assertThat(roster).hasSize(1);
		assertThat(roster.get(0).get("personId").asLong()).isEqualTo(education);
		assertThat(body(send(get("/api/v1/care/recuperation/batches/" + b + "/nominations"), "admin", null))
			.get("totalElements").asInt()).isEqualTo(4);
		JsonNode quotas = body(send(get("/api/v1/care/recuperation/batches/" + b), "group1", null)).get("quotas");
		assertThat(quotas).hasSize(1);
		assertThat(quotas.get(0).get("held").asInt()).isEqualTo(2);
		assertThat(quotas.get(0).get("waiting").asInt()).isEqualTo(1);

		// the nominee is told, with a link to answer
		long account = jdbc.sql("select id from account where person_id = :p").param("p", people.get(0)).query(Long.class)
			.single();
		assertThat(jdbc.sql("""
				select link from notification where recipient_account_id = :a and channel = 'INBOX'
				  and template = 'care-recuperation-nominated'""").param("a", account).query(String.class).list())
			.containsExactly("/care/recuperation/nominations/" + n1);
		assertThat(AuditTrail.of(jdbc, "CARE_RECUPERATION_NOMINATION", n1)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.startsWith("推荐疗休养：") && d.contains(first));
		assertThat(AuditTrail.of(jdbc, "CARE_RECUPERATION_BATCH", b)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.startsWith("安排疗休养批次「测试疗休养"))
			.anyMatch(d -> d.contains("名额：") || d.startsWith("调整「"));
		// the person's own list
		JsonNode mine = body(send(get("/api/v1/care/recuperation/my-nominations"), username(jdbc, people.get(0)), null))
			.get("content");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("canConfirm").asBoolean()).isTrue();
	}

	@Test
	void aDeclinedPlaceGoesToTheFirstOnTheWaitListWhoIsNotifiedAndOnlyThePersonAnswers() throws Exception {
		String organ = organ(jdbc, "第五片组", 0);
		long b = batch("STAFF", 3, quota(organ, 1));
		List<Long> people = fresh(jdbc, organ, 3);
		long a = nominated("admin", b, people.get(0), null, "NOMINATED");
		long w1 = nominated("admin", b, people.get(1), "\"waitList\":true", "WAITING");
		long w2 = nominated("admin", b, people.get(2), "\"waitList\":true", "WAITING");
		String personA = username(jdbc, people.get(0));
		String personB = username(jdbc, people.get(1));

		assertThat(send(post("/api/v1/care/recuperation/nominations/" + a + "/confirmation"), "admin", null).getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(send(post("/api/v1/care/recuperation/nominations/" + a + "/confirmation"), personB, null).getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(send(post("/api/v1/care/recuperation/nominations/" + a + "/confirmation"), personA, null).getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(status(jdbc, a)).isEqualTo("CONFIRMED");
		MvcResult again = send(post("/api/v1/care/recuperation/nominations/" + a + "/confirmation"), personA, null);
		assertThat(again.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(again)).isEqualTo("该推荐当前状态为「已确认」，不需要确认");

		MvcResult noReason = send(post("/api/v1/care/recuperation/nominations/" + a + "/decline"), personA, "{}");
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(status(jdbc, a)).isEqualTo("CONFIRMED");
		MvcResult declined = send(post("/api/v1/care/recuperation/nominations/" + a + "/decline"), personA,
				"{\"reason\":\"家中有事\"}");
		assertThat(declined.getResponse().getStatus()).isEqualTo(200);
		String nameB = jdbc.sql("select name from person where id = :p").param("p", people.get(1)).query(String.class).single();
		assertThat(body(declined).get("promotedName").asString()).isEqualTo(nameB);
		assertThat(status(jdbc, a)).isEqualTo("DECLINED");
		assertThat(status(jdbc, w1)).isEqualTo("NOMINATED");
		assertThat(status(jdbc, w2)).isEqualTo("WAITING");
		long accountB = jdbc.sql("select id from account where person_id = :p").param("p", people.get(1)).query(Long.class)
			.single();
		assertThat(jdbc.sql("""
				select count(*) from notification where recipient_account_id = :a and channel = 'INBOX'
				  and link = :link""").param("a", accountB).param("link", "/care/recuperation/nominations/" + w1)
			.query(Integer.class).single()).isEqualTo(1);
		// the admin who nominated is told where the place went
		assertThat(jdbc.sql("""
				select body from notification where template = 'care-recuperation-declined' and channel = 'INBOX'
				  and recipient_account_id = (select id from account where username = 'admin') and link = :link""")
			.param("link", "/care/recuperation/batches/" + b).query(String.class).single())
			.contains("原因：家中有事").endsWith("名额已由候补人员" + nameB + "递补，待其确认。");
		assertThat(send(post("/api/v1/care/recuperation/nominations/" + a + "/decline"), personA, "{\"reason\":\"再次\"}")
			.getResponse().getStatus()).isEqualTo(422);

		// the admin takes the second waiting back: no place to give, nobody moves
		MvcResult withdrawn = send(post("/api/v1/care/recuperation/nominations/" + w2 + "/withdrawal"), "admin",
				"{\"reason\":\"本人调离\"}");
		assertThat(withdrawn.getResponse().getStatus()).isEqualTo(200);
		assertThat(status(jdbc, w2)).isEqualTo("WITHDRAWN");
		assertThat(AuditTrail.of(jdbc, "CARE_RECUPERATION_NOMINATION", a)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.startsWith("确认参加疗休养")).anyMatch(d -> d.contains("原因：家中有事"));
		assertThat(AuditTrail.of(jdbc, "CARE_RECUPERATION_NOMINATION", w1)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.startsWith("候补递补："));

		// a withdrawn person may be nominated again, and a raised quota takes the next from the wait list
		long again2 = nominated("admin", b, people.get(2), "\"waitList\":true", "WAITING");
		assertThat(again2).isEqualTo(w2);
		MvcResult raised = send(put("/api/v1/care/recuperation/batches/" + b + "/quotas"), "admin",
				"{\"version\":" + version(b) + ",\"quotas\":[" + quota(organ, 2) + "]}");
		assertThat(raised.getResponse().getStatus()).as(raised.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(raised).get("promoted").asInt()).isEqualTo(1);
		assertThat(status(jdbc, w2)).isEqualTo("NOMINATED");
	}

	@Test
	void someoneRecuperatedTwoYearsAgoOrNominatedElsewhereOrNotAModelWorkerIsRefusedAndNothingChanges() throws Exception {
		String organ = organ(jdbc, "第六片组", 0);
		List<Long> people = fresh(jdbc, organ, 5);
		long twoYears = people.get(0);
		long fourYears = people.get(1);
		past(twoYears, today().minusYears(2), "ATTENDED");
		past(fourYears, today().minusYears(4), "ATTENDED");
		long b = batch("STAFF", 10, quota(organ, 5));

		MvcResult recent = nominate("admin", b, twoYears, null);
		assertThat(recent.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(recent)).contains("已于 " + today().minusYears(2) + " 参加「往年疗休养")
			.endsWith("（已参加），3 年内不能再次推荐疗休养");
		assertThat(nominations(jdbc, b)).isZero();
		nominated("admin", b, fourYears, null, "NOMINATED");

		// nominated here and not yet answered: not to another batch
		long other = batch("STAFF", 10, quota(organ, 5));
		MvcResult open = nominate("admin", other, fourYears, null);
		assertThat(open.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(open)).contains("已被推荐参加「测试疗休养").contains("（待本人确认）");
		assertThat(nominations(jdbc, other)).isZero();

		// not in service, not on the roll
		long retired = people.get(2);
		jdbc.sql("update person set employment_status = 'RETIRED' where id = :p").param("p", retired).update();
		try {
			MvcResult r = nominate("admin", b, retired, null);
			assertThat(r.getResponse().getStatus()).isEqualTo(422);
			assertThat(detail(r)).endsWith("不是在职职工，不能推荐疗休养");
		}
		finally {
			jdbc.sql("update person set employment_status = 'IN_SERVICE' where id = :p").param("p", retired).update();
		}

		// a 劳模 batch takes only those named as model workers, with the title
		long models = batch("劳模疗休养", 4, quota(organ, 2));
		MvcResult noTitle = nominate("admin", models, people.get(3), null);
		assertThat(noTitle.getResponse().getStatus()).isEqualTo(400);
		assertThat(detail(noTitle)).contains("劳模疗休养只接受劳模");
		assertThat(nominations(jdbc, models)).isZero();
		nominated("admin", models, people.get(3), "\"modelWorkerReference\":\"2024年市劳动模范\"", "NOMINATED");
		JsonNode roster = body(send(get("/api/v1/care/recuperation/batches/" + models + "/nominations"), "admin", null))
			.get("content");
		assertThat(roster.get(0).get("modelWorkerReference").asString()).isEqualTo("2024年市劳动模范");
	}

	/** A batch two (or four) years back that the person went on (or confirmed). */
	private void past(long person, LocalDate start, String status) {
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		jdbc.sql("""
				insert into care_recuperation_batch (title, kind, destination, starts_on, ends_on, capacity, cost_per_person,
				  owner_org_id, creator_account_id, creator_name, created_at)
				values (:t, 'STAFF', '千岛湖', :from, :to, 10, 3000.00, :root, 1, '测试', :now)""")
			.param("t", "往年疗休养" + System.nanoTime()).param("from", start).param("to", start.plusDays(4))
			.param("root", root).param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
		long b = jdbc.sql("select max(id) from care_recuperation_batch").query(Long.class).single();
		long organ = jdbc.sql("select organ_id from person where id = :p").param("p", person).query(Long.class).single();
		jdbc.sql("insert into care_recuperation_quota (batch_id, organ_id, places) values (:b, :o, 5)").param("b", b)
			.param("o", organ).update();
		jdbc.sql("""
				insert into care_recuperation_nomination (batch_id, person_id, organ_id, status, nominator_account_id,
				  nominator_name, nominated_at, attendance_at)
				values (:b, :p, :o, :s, 1, '测试', :now, :now)""")
			.param("b", b).param("p", person).param("o", organ).param("s", status)
			.param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
	}

	@Test
	void placesNeverExceedTheCapacityNorFallBelowTheNominationsAndAStaleVersionIsRefused() throws Exception {
		String organ = organ(jdbc, "第七片组", 0);
		MvcResult over = send(post("/api/v1/care/recuperation/batches"), "admin", "{\"title\":\"超额批次\",\"kind\":\"STAFF\","
				+ "\"destination\":\"黄山\",\"startsOn\":\"" + today().plusDays(9) + "\",\"endsOn\":\"" + today().plusDays(12)
				+ "\",\"capacity\":3,\"costPerPerson\":\"100\",\"quotas\":[" + quota(organ, 2) + "," + quota("市教育局", 2) + "]}");
		assertThat(over.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(over)).isEqualTo("各单位名额合计 4 人，超过了本批次的名额总数 3 人");
		assertThat(jdbc.sql("select count(*) from care_recuperation_batch where title = '超额批次'").query(Integer.class)
			.single()).isZero();

		long b = batch("STAFF", 3, quota(organ, 2));
		List<Long> people = fresh(jdbc, organ, 2);
		nominated("admin", b, people.get(0), null, "NOMINATED");
		nominated("admin", b, people.get(1), null, "NOMINATED");
		int v = version(b);
		MvcResult below = send(put("/api/v1/care/recuperation/batches/" + b + "/quotas"), "admin",
				"{\"version\":" + v + ",\"quotas\":[" + quota(organ, 1) + "]}");
		assertThat(below.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(below)).isEqualTo(organ + "已推荐 2 人，名额不能少于已推荐人数（填写的是 1 人）");
		MvcResult tooMany = send(put("/api/v1/care/recuperation/batches/" + b + "/quotas"), "admin",
				"{\"version\":" + v + ",\"quotas\":[" + quota("市教育局", 2) + "]}");
		assertThat(tooMany.getResponse().getStatus()).isEqualTo(422);
		assertThat(send(put("/api/v1/care/recuperation/batches/" + b + "/quotas"), "admin",
				"{\"quotas\":[" + quota("市教育局", 1) + "]}").getResponse().getStatus()).isEqualTo(400);
		assertThat(send(put("/api/v1/care/recuperation/batches/" + b + "/quotas"), "admin",
				"{\"version\":" + (v + 5) + ",\"quotas\":[" + quota("市教育局", 1) + "]}").getResponse().getStatus()).isEqualTo(409);
		assertThat(send(put("/api/v1/care/recuperation/batches/" + b + "/quotas"), "admin",
				"{\"version\":" + v + ",\"quotas\":[{\"organId\":" + orgId("市教育局工会") + ",\"places\":1}]}").getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from care_recuperation_quota where batch_id = :b").param("b", b)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(version(b)).isEqualTo(v);
		assertThat(send(put("/api/v1/care/recuperation/batches/" + b + "/quotas"), "admin",
				"{\"version\":" + v + ",\"quotas\":[" + quota("市教育局", 1) + "]}").getResponse().getStatus()).isEqualTo(200);
		assertThat(version(b)).isEqualTo(v + 1);
	}

	@Test
	void aBatchIsPlannedOnlyByTheWorkCommitteeWithEveryFieldChecked() throws Exception {
		MvcResult bad = send(post("/api/v1/care/recuperation/batches"), "admin", "{\"title\":\"\",\"kind\":\"HOLIDAY\","
				+ "\"startsOn\":\"" + today() + "\",\"endsOn\":\"" + today().plusDays(2) + "\",\"capacity\":0,"
				+ "\"costPerPerson\":\"12.345\"}");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		for (JsonNode e : body(bad).get("errors")) {
			fields.add(e.get("field").asString());
		}
		assertThat(fields).contains("title", "kind", "destination", "startsOn", "capacity", "costPerPerson");
		assertThat(send(post("/api/v1/care/recuperation/batches"), "orgadmin1", "{\"title\":\"x\"}").getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(send(post("/api/v1/care/recuperation/batches"), "group1", "{\"title\":\"x\"}").getResponse()
			.getStatus()).isEqualTo(403);
	}

	/** A wait list never reached, or an answer never given, ends with the batch's start: it holds nobody after. */
	@Test
	void someoneLeftOnTheWaitListOfABatchThatHasBegunMayBeNominatedForTheNextOne() throws Exception {
		String organ = organ(jdbc, "第八片组", 1);
		long b = batch("STAFF", 2, quota(organ, 1));
		List<Long> people = fresh(jdbc, organ, 3);
		nominated("admin", b, people.get(0), null, "NOMINATED");
		nominated("admin", b, people.get(1), "\"waitList\":true", "WAITING");
		long unanswered = nominated("admin", b, people.get(2), "\"waitList\":true", "WAITING");
		long next = batch("STAFF", 4, quota(organ, 3));
		// while the first batch is ahead, the waiting are open there
		MvcResult open = nominate("admin", next, people.get(1), null);
		assertThat(open.getResponse().getStatus()).isEqualTo(422);

		// the first batch began (dates moved back as time would); its wait list was never reached
		jdbc.sql("update care_recuperation_batch set starts_on = :f, ends_on = :t where id = :b")
			.param("f", today().minusDays(2)).param("t", today().plusDays(2)).param("b", b).update();
		nominated("admin", next, people.get(1), null, "NOMINATED");
		nominated("admin", next, people.get(2), null, "NOMINATED");
		assertThat(status(jdbc, unanswered)).isEqualTo("WAITING");
	}

	@Test
	void attendanceIsRecordedAfterTheTripAndWhoWentIsNotNominatedAgain() throws Exception {
		String organ = organ(jdbc, "第八片组", 0);
		long b = batch("STAFF", 4, quota(organ, 3));
		List<Long> people = fresh(jdbc, organ, 2);
		long went = nominated("admin", b, people.get(0), null, "NOMINATED");
		long stayed = nominated("admin", b, people.get(1), null, "NOMINATED");
		assertThat(send(post("/api/v1/care/recuperation/nominations/" + went + "/confirmation"),
				username(jdbc, people.get(0)), null).getResponse().getStatus()).isEqualTo(204);
		String sheet = "{\"records\":[{\"nominationId\":" + went + ",\"attended\":true},{\"nominationId\":" + stayed
				+ ",\"attended\":false}]}";
		MvcResult early = send(put("/api/v1/care/recuperation/batches/" + b + "/attendance"), "admin", sheet);
		assertThat(early.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(early)).contains("结束当天起才能登记参加情况");
		assertThat(send(put("/api/v1/care/recuperation/batches/" + b + "/attendance"), "group1", sheet).getResponse()
			.getStatus()).isEqualTo(404);

		// the trip took place (dates moved back as time would)
		jdbc.sql("update care_recuperation_batch set starts_on = :f, ends_on = :t where id = :b")
			.param("f", today().minusDays(5)).param("t", today().minusDays(1)).param("b", b).update();
		MvcResult recorded = send(put("/api/v1/care/recuperation/batches/" + b + "/attendance"), "admin", sheet);
		assertThat(recorded.getResponse().getStatus()).as(recorded.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(recorded).get("changed").asInt()).isEqualTo(2);
		assertThat(status(jdbc, went)).isEqualTo("ATTENDED");
		assertThat(status(jdbc, stayed)).isEqualTo("ABSENT");
		assertThat(send(put("/api/v1/care/recuperation/batches/" + b + "/attendance"), "admin",
				"{\"records\":[{\"nominationId\":" + went + "}]}").getResponse().getStatus()).isEqualTo(400);

		long next = batch("STAFF", 4, quota(organ, 3));
		MvcResult refused = nominate("admin", next, people.get(0), null);
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(refused)).contains("（已参加），3 年内不能再次推荐疗休养");
		nominated("admin", next, people.get(1), null, "NOMINATED");

		MvcResult export = send(get("/api/v1/care/recuperation/batches/" + b + "/roster/export"), "admin", null);
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(export.getResponse().getHeader("Content-Disposition")).contains(".xlsx");
		assertThat(AuditTrail.of(jdbc, "CARE_RECUPERATION_ROSTER_EXPORT", b)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.startsWith("导出疗休养名单「测试疗休养") && d.endsWith("，2 人"));
		assertThat(AuditTrail.of(jdbc, "CARE_RECUPERATION_NOMINATION", went)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.endsWith("已确认→已参加"));
	}
}
