package org.quntuan.care.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The mutual-aid API: the federation's plan and split, enrolment by org admins (bulk and Excel), the
 * payment posted once, the board, the export and the reminders.
 */
class MutualAidApiTests extends IntegrationTest {

	@Autowired
	MutualAidReminders reminders;

	private long createPlan(int year, int target) throws Exception {
		jdbc.sql("""
				delete from care_mutualaid_enrolment where plan_id in (select id from care_mutualaid_plan where plan_year = :y)""")
			.param("y", year).update();
		MvcResult created = mvc.perform(post("/api/v1/care/mutual-aid/plans").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(MutualAidFixtures.openPlan(year, target))).andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		return body(created).get("id").asLong();
	}

	private MvcResult enrol(String user, long plan, List<Long> people) throws Exception {
		return mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/enrolments").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON).content("{\"personIds\":" + people + "}")).andReturn();
	}

	private JsonNode progress(String user, long plan) throws Exception {
		MvcResult r = mvc.perform(get("/api/v1/care/mutual-aid/plans/" + plan + "/progress").header("Authorization", bearer(user)))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		return body(r);
	}

	private long enrolled(long plan) {
		return jdbc.sql("select count(*) from care_mutualaid_enrolment where plan_id = :p").param("p", plan)
			.query(Long.class).single();
	}

	private long audits(String type, long id) {
		return jdbc.sql("select count(*) from audit_event where object_type = :t and object_id = :id")
			.param("t", type).param("id", String.valueOf(id)).query(Long.class).single();
	}

	@Test
	void theFederationSetsUpAPlanWhoseTargetIsSplitAmongTheOrgansAndAlwaysSumsToIt() throws Exception {
		long plan = createPlan(2061, 7000);
		JsonNode plans = body(mvc.perform(get("/api/v1/care/mutual-aid/plans").header("Authorization", bearer("member1")))
			.andReturn());
		JsonNode listed = null;
		for (JsonNode p : plans.get("content")) {
			if (p.get("id").asLong() == plan) {
				listed = p;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("year").asInt()).isEqualTo(2061);
		assertThat(listed.get("target").asInt()).isEqualTo(7000);
		assertThat(new BigDecimal(listed.get("pricePerPerson").asString())).isEqualByComparingTo("60");

		JsonNode board = progress("admin", plan);
		long organs = jdbc.sql("select count(*) from org where type = 'ORGAN' and active = true").query(Long.class).single();
		assertThat(board.get("rows")).hasSize((int) organs);
		int sum = 0;
		long members = jdbc.sql("select count(*) from person where active = true and union_status = 'MEMBER'")
			.query(Long.class).single();
		for (JsonNode row : board.get("rows")) {
			assertThat(row.has("organId") && row.has("organName") && row.has("enrolled") && row.has("unionMembers")).isTrue();
			sum += row.get("target").asInt();
			// proportional: every organ's target is within one of its exact share (members counted when the plan was made)
			long own = jdbc.sql("select count(*) from person where active = true and union_status = 'MEMBER' and organ_id = :o")
				.param("o", row.get("organId").asLong()).query(Long.class).single();
			assertThat(Math.abs(row.get("target").asInt() - 7000.0 * own / members)).isLessThan(1.0);
		}
		assertThat(sum).isEqualTo(7000);
		assertThat(board.get("total").get("target").asInt()).isEqualTo(7000);
		assertThat(audits("MUTUALAID_PLAN", plan)).isEqualTo(1);

		// a second plan for the same year is a conflict
		assertThat(mvc.perform(post("/api/v1/care/mutual-aid/plans").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(MutualAidFixtures.openPlan(2061, 100))).andReturn()
			.getResponse().getStatus()).isEqualTo(409);
	}

	@Test
	void aPlanWithBadValuesIsRefusedFieldByFieldAndNothingIsCreated() throws Exception {
		MvcResult r = mvc.perform(post("/api/v1/care/mutual-aid/plans").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\":1999,\"target\":0,\"pricePerPerson\":\"abc\",\"enrolOpensOn\":\"2062-03-01\","
					+ "\"enrolClosesOn\":\"2062-02-01\",\"remindBelowPercent\":150}")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		String text = r.getResponse().getContentAsString();
		assertThat(text).contains("请填写 2000 至 2100 之间的年度").contains("全市目标人数须在 1 至 1000000 之间")
			.contains("提醒比例须在 0 至 100 之间").contains("pricePerPerson");
		assertThat(jdbc.sql("select count(*) from care_mutualaid_plan where plan_year = 1999").query(Long.class).single())
			.isZero();
		assertThat(mvc.perform(post("/api/v1/care/mutual-aid/plans").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content(MutualAidFixtures.openPlan(2062, 100))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aSplitNotSummingToTheTargetIsRefusedAndAStaleVersionIsAConflict() throws Exception {
		long plan = createPlan(2063, 1000);
		// two organs with targets of 5 or more (organs other tests create may have a target of 0)
		List<JsonNode> rows = new ArrayList<>();
		progress("admin", plan).get("rows").forEach(r -> {
			if (r.get("target").asInt() >= 5) {
				rows.add(r);
			}
		});
		long a = rows.get(0).get("organId").asLong();
		int ta = rows.get(0).get("target").asInt();
		long b = rows.get(1).get("organId").asLong();
		int tb = rows.get(1).get("target").asInt();

		MvcResult wrong = mvc.perform(put("/api/v1/care/mutual-aid/plans/" + plan + "/targets")
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0,\"targets\":[{\"organId\":" + a + ",\"target\":" + (ta + 5) + "}]}")).andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrong.getResponse().getContentAsString())
			.contains("各单位目标人数合计 1005 人，与全市目标 1000 人不一致，未作修改");
		assertThat(target(plan, a)).isEqualTo(ta);

		assertThat(mvc.perform(put("/api/v1/care/mutual-aid/plans/" + plan + "/targets")
			.header("Authorization", bearer("orgadmin1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0,\"targets\":[]}")).andReturn().getResponse().getStatus()).isEqualTo(403);

		MvcResult moved = mvc.perform(put("/api/v1/care/mutual-aid/plans/" + plan + "/targets")
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0,\"targets\":[{\"organId\":" + a + ",\"target\":" + (ta + 5) + "},{\"organId\":" + b
					+ ",\"target\":" + (tb - 5) + "}]}")).andReturn();
		assertThat(moved.getResponse().getStatus()).as(moved.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(moved).get("version").asInt()).isEqualTo(1);
		assertThat(target(plan, a)).isEqualTo(ta + 5);
		assertThat(target(plan, b)).isEqualTo(tb - 5);
		assertThat(audits("MUTUALAID_PLAN", plan)).isEqualTo(2);

		assertThat(mvc.perform(put("/api/v1/care/mutual-aid/plans/" + plan + "/targets")
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0,\"targets\":[{\"organId\":" + a + ",\"target\":" + ta + "}]}")).andReturn()
			.getResponse().getStatus()).isEqualTo(409);
	}

	private int target(long plan, long organ) {
		return jdbc.sql("select target from care_mutualaid_target where plan_id = :p and organ_id = :o").param("p", plan)
			.param("o", organ).query(Integer.class).single();
	}

	@Test
	void anOrgAdminEnrolsTheirPeopleAndThoseEnrolledAlreadyAreLeftAsTheyAre() throws Exception {
		long plan = createPlan(2064, 500);
		List<Long> people = MutualAidFixtures.unionMembers(jdbc, "市财政局", 5);
		MvcResult first = enrol("orgadmin1", plan, people.subList(0, 3));
		assertThat(first.getResponse().getStatus()).as(first.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(first).get("enrolled").asInt()).isEqualTo(3);
		MvcResult second = enrol("orgadmin1", plan, people);
		assertThat(body(second).get("enrolled").asInt()).isEqualTo(2);
		assertThat(body(second).get("alreadyEnrolled").asInt()).isEqualTo(3);
		assertThat(enrolled(plan)).isEqualTo(5);

		JsonNode board = progress("orgadmin1", plan);
		assertThat(board.get("rows")).hasSize(1);
		assertThat(board.get("rows").get(0).get("organName").asString()).isEqualTo("市财政局");
		assertThat(board.get("rows").get(0).get("enrolled").asInt()).isEqualTo(5);
		assertThat(board.get("total").get("enrolled").asInt()).isEqualTo(5);
		assertThat(board.get("city").get("target").asInt()).isEqualTo(500);
		assertThat(audits("MUTUALAID_ENROLMENT", plan)).isEqualTo(2);

		// the people list shows who is enrolled, ID numbers masked
		JsonNode list = body(mvc.perform(get("/api/v1/care/mutual-aid/plans/" + plan + "/people?enrolled=true")
			.header("Authorization", bearer("orgadmin1"))).andReturn());
		assertThat(list.get("totalElements").asInt()).isEqualTo(5);
		assertThat(list.get("content").get(0).get("idNumber").asString()).contains("*");
	}

	@Test
	void someoneOutsideTheCallersReachOrNotInServiceRefusesTheWholeRequest() throws Exception {
		long plan = createPlan(2065, 500);
		List<Long> own = MutualAidFixtures.unionMembers(jdbc, "市财政局", 2);
		List<Long> other = MutualAidFixtures.unionMembers(jdbc, "市教育局", 1);
		List<Long> mixed = new ArrayList<>(own);
		mixed.addAll(other);
		MvcResult refused = enrol("orgadmin1", plan, mixed);
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("不在您的管理范围内，本次登记未办理");
		assertThat(enrolled(plan)).isZero();

		MvcResult unknown = enrol("orgadmin1", plan, List.of(own.get(0), 987654321L));
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(unknown.getResponse().getContentAsString()).contains("人员（编号 987654321）不存在");
		assertThat(enrol("orgadmin1", plan, List.of()).getResponse().getStatus()).isEqualTo(400);

		long leaver = MutualAidFixtures.addPeople(jdbc, "市财政局", 1).get(0);
		jdbc.sql("update person set employment_status = 'RETIRED' where id = :p").param("p", leaver).update();
		MvcResult retired = enrol("orgadmin1", plan, List.of(own.get(0), leaver));
		assertThat(retired.getResponse().getStatus()).isEqualTo(422);
		assertThat(retired.getResponse().getContentAsString()).contains("不是在职人员");
		assertThat(enrolled(plan)).isZero();

		assertThat(enrol("member1", plan, own).getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/api/v1/care/mutual-aid/plans/" + plan + "/progress").header("Authorization",
				bearer("member1"))).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void noEnrolmentOutsideTheWindow() throws Exception {
		MvcResult created = mvc.perform(post("/api/v1/care/mutual-aid/plans").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\":2066,\"target\":100,\"enrolOpensOn\":\"" + MutualAidFixtures.today().plusDays(3)
					+ "\",\"enrolClosesOn\":\"" + MutualAidFixtures.today().plusDays(9) + "\",\"startsOn\":\""
					+ MutualAidFixtures.today() + "\",\"endsOn\":\"" + MutualAidFixtures.today().plusDays(300) + "\"}"))
			.andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		long plan = body(created).get("id").asLong();
		MvcResult r = enrol("orgadmin1", plan, MutualAidFixtures.unionMembers(jdbc, "市财政局", 1));
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(r.getResponse().getContentAsString()).contains("参保登记自 " + MutualAidFixtures.today().plusDays(3) + " 开始");
		assertThat(enrolled(plan)).isZero();
	}

	@Test
	void anExcelOfIdNumbersEnrolsEveryoneOrNobodyAndListsEachWrongRow() throws Exception {
		long plan = createPlan(2067, 500);
		List<Long> own = MutualAidFixtures.unionMembers(jdbc, "市财政局", 3);
		List<String> numbers = jdbc.sql("select id_number from person where id in (:ids) order by id").param("ids", own)
			.query(String.class).list();
		String outside = jdbc.sql("select id_number from person where id = :p")
			.param("p", MutualAidFixtures.unionMembers(jdbc, "市教育局", 1).get(0)).query(String.class).single();
		List<String> bad = new ArrayList<>(numbers);
		bad.add("12345");
		bad.add(outside);
		bad.add(numbers.get(0));
		MvcResult rejected = mvc.perform(multipart("/api/v1/care/mutual-aid/plans/" + plan + "/enrolments/import")
			.file(new MockMultipartFile("file", "people.xlsx", "application/octet-stream", MutualAidFixtures.idNumbers(bad)))
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(rejected.getResponse().getStatus()).isEqualTo(400);
		JsonNode problem = body(rejected);
		assertThat(problem.get("errors")).hasSize(3);
		assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(5);
		assertThat(problem.get("errors").get(1).get("message").asString()).contains("不在您的管理范围内");
		assertThat(problem.get("errors").get(2).get("message").asString()).isEqualTo("与第 2 行的身份证号重复");
		assertThat(problem.get("detail").asString()).startsWith("文件共 6 行，其中 3 行有误，未登记任何人员。第 5 行：");
		assertThat(enrolled(plan)).isZero();

		MvcResult ok = mvc.perform(multipart("/api/v1/care/mutual-aid/plans/" + plan + "/enrolments/import")
			.file(new MockMultipartFile("file", "people.xlsx", "application/octet-stream",
					MutualAidFixtures.idNumbers(numbers.stream().map(String::toLowerCase).collect(Collectors.toList()))))
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(ok.getResponse().getStatus()).as(ok.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(ok).get("enrolled").asInt()).isEqualTo(3);
		assertThat(enrolled(plan)).isEqualTo(3);

		MvcResult notExcel = mvc.perform(multipart("/api/v1/care/mutual-aid/plans/" + plan + "/enrolments/import")
			.file(new MockMultipartFile("file", "people.xlsx", "application/octet-stream", "身份证号\n1".getBytes()))
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(notExcel.getResponse().getStatus()).isEqualTo(415);
	}

	private MvcResult withdraw(String user, long plan, long person, String reason) throws Exception {
		return mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/enrolments/" + person + "/withdrawal")
			.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}")).andReturn();
	}

	@Test
	void aLeaverIsWithdrawnWithAReasonButNeverSomeoneTheOrganHasPaidFor() throws Exception {
		long plan = createPlan(2072, 500);
		List<Long> people = MutualAidFixtures.unionMembers(jdbc, "市财政局", 3);
		assertThat(enrol("orgadmin1", plan, people).getResponse().getStatus()).isEqualTo(200);
		long leaver = people.get(0);
		jdbc.sql("update person set employment_status = 'RETIRED' where id = :id").param("id", leaver).update();

		// the enrolled list still shows the leaver, flagged; the list of those who may be enrolled does not
		MvcResult listed = mvc.perform(get("/api/v1/care/mutual-aid/plans/" + plan + "/people?enrolled=true&size=200")
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		JsonNode row = null;
		for (JsonNode p : body(listed).get("content")) {
			if (p.get("id").asLong() == leaver) {
				row = p;
			}
		}
		assertThat(row).as("the leaver is listed among the enrolled").isNotNull();
		assertThat(row.get("left").asBoolean()).isTrue();
		assertThat(mvc.perform(get("/api/v1/care/mutual-aid/plans/" + plan + "/people?size=200")
			.header("Authorization", bearer("orgadmin1"))).andReturn().getResponse().getContentAsString())
			.doesNotContain("\"id\":" + leaver + ",");

		// no reason, another organ's admin, a member, someone not enrolled: refused, nothing changed
		MvcResult noReason = withdraw("orgadmin1", plan, leaver, "  ");
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(noReason.getResponse().getContentAsString()).contains("请填写退出原因");
		assertThat(withdraw("orgadmin2", plan, leaver, "调离").getResponse().getStatus()).isEqualTo(404);
		assertThat(withdraw("member1", plan, leaver, "调离").getResponse().getStatus()).isEqualTo(403);
		assertThat(withdraw("orgadmin1", plan, personOf("orgadmin2"), "调离").getResponse().getStatus()).isEqualTo(404);
		assertThat(enrolled(plan)).isEqualTo(3);

		MvcResult done = withdraw("orgadmin1", plan, leaver, "退休");
		assertThat(done.getResponse().getStatus()).as(done.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(enrolled(plan)).isEqualTo(2);
		assertThat(jdbc.sql("select reason from care_mutualaid_withdrawal where plan_id = :p and person_id = :id")
			.param("p", plan).param("id", leaver).query(String.class).single()).isEqualTo("退休");
		assertThat(jdbc.sql("""
				select count(*) from audit_event where object_type = 'MUTUALAID_ENROLMENT' and object_id = :p
				  and type = 'DELETE' and detail like '%退休%'""").param("p", String.valueOf(plan))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(withdraw("orgadmin1", plan, leaver, "退休").getResponse().getStatus()).isEqualTo(404);

		// someone withdrawn may be enrolled again
		assertThat(withdraw("orgadmin1", plan, people.get(1), "重复登记").getResponse().getStatus()).isEqualTo(200);
		assertThat(body(enrol("orgadmin1", plan, List.of(people.get(1)))).get("enrolled").asInt()).isEqualTo(1);

		// once the organ paid for its two, neither may leave the plan: the payment keeps its people
		assertThat(mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/payments")
			.header("Authorization", bearer("finance1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organId\":" + orgId("市财政局") + "}")).andReturn().getResponse().getStatus()).isEqualTo(201);
		MvcResult paid = withdraw("orgadmin1", plan, people.get(2), "调离");
		assertThat(paid.getResponse().getStatus()).isEqualTo(422);
		assertThat(paid.getResponse().getContentAsString()).contains("保障至计划期满");
		assertThat(enrolled(plan)).isEqualTo(2);
	}

	@Test
	void anOrgansPaymentIsPostedOnceToItsUnionsJournalForTheEnrolmentsNotPaidBefore() throws Exception {
		long plan = createPlan(2068, 500);
		List<Long> people = MutualAidFixtures.unionMembers(jdbc, "市财政局", 7);
		enrol("orgadmin1", plan, people.subList(0, 5));
		long organ = orgId("市财政局");
		long union = orgId("市财政局工会");
		MvcResult paid = mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/payments")
			.header("Authorization", bearer("finance1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organId\":" + organ + "}")).andReturn();
		assertThat(paid.getResponse().getStatus()).as(paid.getResponse().getContentAsString()).isEqualTo(201);
		assertThat(body(paid).get("persons").asInt()).isEqualTo(5);
		assertThat(new BigDecimal(body(paid).get("amount").asString())).isEqualByComparingTo("300");
		long payment = body(paid).get("id").asLong();
		assertThat(jdbc.sql("""
				select count(*) from fin_txn where org_id = :u and source_type = 'CARE_MUTUALAID_PAYMENT' and source_id = :id
				  and category_code = 'RIGHTS'""").param("u", union).param("id", payment).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("""
				select sum(l.amount) from fin_line l join fin_txn t on t.id = l.txn_id
				where t.source_type = 'CARE_MUTUALAID_PAYMENT' and t.source_id = :id and l.account = 'RIGHTS'""")
			.param("id", payment).query(BigDecimal.class).single()).isEqualByComparingTo("300");

		MvcResult again = mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/payments")
			.header("Authorization", bearer("finance1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organId\":" + organ + "}")).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(422);
		assertThat(again.getResponse().getContentAsString()).contains("均已缴费");

		enrol("orgadmin1", plan, people);
		MvcResult more = mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/payments")
			.header("Authorization", bearer("orgadmin1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organId\":" + organ + "}")).andReturn();
		assertThat(body(more).get("persons").asInt()).isEqualTo(2);
		assertThat(jdbc.sql("select sum(persons) from care_mutualaid_payment where plan_id = :p").param("p", plan)
			.query(Integer.class).single()).isEqualTo(7);
		assertThat(audits("MUTUALAID_PAYMENT", payment)).isEqualTo(1);

		// another organ's union book is not the caller's to keep
		assertThat(mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/payments")
			.header("Authorization", bearer("finance1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organId\":" + orgId("市教育局") + "}")).andReturn().getResponse().getStatus()).isIn(403, 404);
		assertThat(mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/payments")
			.header("Authorization", bearer("member1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"organId\":" + organ + "}")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theProgressExportIsASheetForTheCityUnionAndIsAudited() throws Exception {
		long plan = createPlan(2069, 300);
		MvcResult r = mvc.perform(get("/api/v1/care/mutual-aid/plans/" + plan + "/progress/export")
			.header("Authorization", bearer("admin"))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(r.getResponse().getContentType()).contains("spreadsheetml");
		assertThat(r.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
		assertThat(audits("MUTUALAID_EXPORT", plan)).isEqualTo(1);
	}

	@Test
	void organsBelowTheShareAreRemindedOnceInTheLastMonthOfTheWindow() throws Exception {
		long plan = createPlan(2070, 1000);
		enrol("orgadmin1", plan, MutualAidFixtures.unionMembers(jdbc, "市财政局", 2));
		String key = "care-mutualaid-" + plan + "-below-" + orgId("市财政局");
		int first = reminders.remindOrgansBelowShare();
		assertThat(first).isPositive();
		long sent = jdbc.sql("select count(*) from notification where event_key = :k").param("k", key).query(Long.class)
			.single();
		assertThat(sent).isPositive();
		assertThat(jdbc.sql("select body from notification where event_key = :k and channel = 'INBOX'").param("k", key)
			.query(String.class).list().get(0)).contains("市财政局目前已登记 2 人");
		reminders.remindOrgansBelowShare();
		assertThat(jdbc.sql("select count(*) from notification where event_key = :k").param("k", key).query(Long.class)
			.single()).isEqualTo(sent);
	}
}
