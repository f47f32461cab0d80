package org.quntuan.notice.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.test.web.servlet.MvcResult;

class FormApiTests extends FormTestSupport {

	private Map<String, Object> values(JsonNode form, Object people, Object money, Object choice) {
		Map<String, Object> v = new HashMap<>();
		v.put(String.valueOf(field(form, "职工人数")), people);
		v.put(String.valueOf(field(form, "活动经费")), money);
		v.put(String.valueOf(field(form, "是否建成职工之家")), choice);
		return v;
	}

	/** The version a client read before changing the response. */
	private int responseVersion(long formId, long orgId) {
		return jdbc.sql("select version from stat_form_response where form_id = :f and org_id = :o").param("f", formId)
			.param("o", orgId).query(Integer.class).optional().orElse(0);
	}

	private MvcResult fill(String user, long formId, long orgId, Map<String, Object> values, boolean submit)
			throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("values", values);
		body.put("submit", submit);
		body.put("version", responseVersion(formId, orgId));
		return mvc.perform(as(user, put("/api/v1/forms/" + formId + "/responses/" + orgId))
			.content(json.writeValueAsString(body))).andReturn();
	}

	@Test
	void theFederationSendsAFormEachUnionSavesADraftAndSubmitsAndTheAggregateCountsSubmittedOnly() throws Exception {
		JsonNode form = sendToTwoUnions();
		long id = form.get("id").asLong();
		long finance = orgId("市财政局工会");
		long education = orgId("市教育局工会");
		assertThat(form.get("fields")).hasSize(5);
		assertThat(form.get("fields").get(0).get("type").get("code").asString()).isEqualTo("INTEGER");

		// the union's admin finds it in their list and saves a draft without the required choice
		JsonNode list = body(mvc.perform(as("orgadmin1", get("/api/v1/forms"))).andReturn());
		assertThat(list.get("toFill").findValuesAsString("title")).contains(form.get("title").asString());
		MvcResult draft = fill("orgadmin1", id, finance, values(form, 120, "3500.50", null), false);
		assertThat(draft.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(draft).get("status").get("code").asString()).isEqualTo("DRAFT");

		// drafts do not count; a submission does
		JsonNode empty = body(mvc.perform(as("admin", get("/api/v1/forms/" + id + "/aggregate"))).andReturn());
		assertThat(empty.get("submitted").asLong()).isZero();
		assertThat(fill("orgadmin1", id, finance, values(form, 120, "3500.50", "是"), true).getResponse().getStatus())
			.isEqualTo(200);
		assertThat(fill("orgadmin2", id, education, values(form, 80, 1500, "否"), true).getResponse().getStatus())
			.isEqualTo(200);

		JsonNode aggregate = body(mvc.perform(as("admin", get("/api/v1/forms/" + id + "/aggregate"))).andReturn());
		assertThat(aggregate.get("submitted").asLong()).isEqualTo(2);
		assertThat(aggregate.get("targets").asLong()).isEqualTo(2);
		JsonNode people = aggregate.get("fields").get(0);
		assertThat(people.get("label").asString()).isEqualTo("职工人数");
		assertThat(people.get("sum").decimalValue()).isEqualByComparingTo("200");
		assertThat(people.get("average").decimalValue()).isEqualByComparingTo("100");
		assertThat(people.get("min").decimalValue()).isEqualByComparingTo("80");
		assertThat(people.get("max").decimalValue()).isEqualByComparingTo("120");
		assertThat(aggregate.get("fields").get(1).get("sum").decimalValue()).isEqualByComparingTo("5000.50");
		assertThat(aggregate.get("fields")).hasSize(2);
		// per 片组: each union in its own group
		assertThat(aggregate.get("groups").findValuesAsString("groupName")).containsExactlyInAnyOrder("第一片组", "第二片组");
		for (JsonNode g : aggregate.get("groups")) {
			assertThat(g.get("fields").get(0).get("sum").decimalValue())
				.isEqualByComparingTo(g.get("groupName").asString().equals("第一片组") ? "120" : "80");
		}

		// the sender's status table
		JsonNode statuses = body(mvc.perform(as("admin", get("/api/v1/forms/" + id + "/responses"))).andReturn());
		assertThat(statuses.get("rows").findValuesAsString("orgName")).containsExactlyInAnyOrder("市财政局工会", "市教育局工会");
		assertThat(statuses.get("totals").get("byState").get("SUBMITTED").asLong()).isEqualTo(2);
		statuses.get("rows").forEach(s -> assertThat(s.get("status").get("code").asString()).isEqualTo("SUBMITTED"));
	}

	@Test
	void theSenderUrgesTheUnitsThatHaveNotSubmittedAndEachHearsItOnceADay() throws Exception {
		JsonNode form = sendToTwoUnions();
		long id = form.get("id").asLong();
		fill("orgadmin1", id, orgId("市财政局工会"), values(form, 120, "3500.50", "是"), true);
		assertThat(mvc.perform(as("orgadmin1", post("/api/v1/forms/" + id + "/reminders"))).andReturn().getResponse()
			.getStatus()).as("a target's admin may not urge").isEqualTo(403);
		assertThat(body(mvc.perform(as("admin", post("/api/v1/forms/" + id + "/reminders"))).andReturn()).get("reminded")
			.asInt()).isEqualTo(1);
		mvc.perform(as("admin", post("/api/v1/forms/" + id + "/reminders"))).andReturn();
		String key = "form-" + id + "-urge-"
				+ LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		assertThat(inbox(key, "orgadmin2")).as("once a day however often pressed").isEqualTo(1);
		assertThat(inbox(key, "orgadmin1")).as("submitted").isZero();
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'STAT_FORM' and object_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	private long inbox(String key, String user) {
		return jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.recipient_account_id
				where n.event_key = :k and a.username = :u and n.channel = 'INBOX'""")
			.param("k", key).param("u", user).query(Long.class).single();
	}

	@Test
	void aSubmittedFormIsReturnedWithAReasonCorrectedAndSubmittedAgain() throws Exception {
		JsonNode form = sendToTwoUnions();
		long id = form.get("id").asLong();
		long finance = orgId("市财政局工会");
		fill("orgadmin1", id, finance, values(form, 5000, 10, "是"), true);
		// no editing after submission
		MvcResult again = fill("orgadmin1", id, finance, values(form, 50, 10, "是"), false);
		assertThat(again.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(again).get("detail").asString()).contains("退回");
		// only the sender returns
		assertThat(mvc.perform(as("orgadmin1", post("/api/v1/forms/" + id + "/responses/" + finance + "/return"))
			.content("{\"reason\":\"人数有误\",\"version\":" + responseVersion(id, finance) + "}")).andReturn().getResponse().getStatus()).isEqualTo(403);
		MvcResult noReason = mvc.perform(as("admin", post("/api/v1/forms/" + id + "/responses/" + finance + "/return"))
			.content("{\"reason\":\" \",\"version\":" + responseVersion(id, finance) + "}")).andReturn();
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		JsonNode returned = body(mvc.perform(as("admin", post("/api/v1/forms/" + id + "/responses/" + finance + "/return"))
			.content("{\"reason\":\"职工人数明显偏大，请核实\",\"version\":" + responseVersion(id, finance) + "}")).andReturn());
		assertThat(returned.get("status").get("code").asString()).isEqualTo("RETURNED");

		JsonNode seen = body(mvc.perform(as("orgadmin1", get("/api/v1/forms/" + id + "/responses/" + finance))).andReturn());
		assertThat(seen.get("returnReason").asString()).isEqualTo("职工人数明显偏大，请核实");
		assertThat(seen.get("editable").asBoolean()).isTrue();
		assertThat(seen.get("values").get(String.valueOf(field(form, "职工人数"))).asString()).isEqualTo("5000");
		assertThat(jdbc.sql("select count(*) from notification where event_key like :k and template = 'form-returned'")
			.param("k", "form-" + id + "-return-%").query(Long.class).single()).isPositive();

		MvcResult corrected = fill("orgadmin1", id, finance, values(form, 50, 10, "是"), true);
		assertThat(corrected.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(corrected).get("status").get("code").asString()).isEqualTo("SUBMITTED");
		JsonNode aggregate = body(mvc.perform(as("admin", get("/api/v1/forms/" + id + "/aggregate"))).andReturn());
		assertThat(aggregate.get("fields").get(0).get("sum").decimalValue()).isEqualByComparingTo("50");
	}

	@Test
	void badValuesAreRefusedEachAtItsFieldWithAChineseMessage() throws Exception {
		JsonNode form = sendToTwoUnions();
		long id = form.get("id").asLong();
		long finance = orgId("市财政局工会");
		Map<String, Object> v = values(form, 20000, "一百", "也许");
		v.put(String.valueOf(field(form, "备注")), "这是一段超过二十个字的备注文字，用来检查字数限制是否生效");
		v.put(String.valueOf(field(form, "填报日期")), "2026-13-45");
		MvcResult bad = fill("orgadmin1", id, finance, v, true);
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		JsonNode errors = body(bad).get("errors");
		Map<String, String> byField = new HashMap<>();
		errors.forEach(e -> byField.put(e.get("field").asString(), e.get("message").asString()));
		assertThat(byField.get("values." + field(form, "职工人数"))).contains("超出允许范围").contains("0 到 10000");
		assertThat(byField.get("values." + field(form, "活动经费"))).contains("应为数字");
		assertThat(byField.get("values." + field(form, "是否建成职工之家"))).contains("没有「也许」这个选项");
		assertThat(byField.get("values." + field(form, "备注"))).contains("不能超过 20 个字");
		assertThat(byField.get("values." + field(form, "填报日期"))).contains("应为日期");

		// a decimal where an integer is wanted, a required field left empty, a field of another form
		Map<String, Object> w = values(form, "12.5", 1, null);
		w.put("999999999", "1");
		JsonNode second = body(fill("orgadmin1", id, finance, w, true));
		assertThat(second.get("errors").findValuesAsString("message")).anyMatch(m -> m.contains("应为整数"))
			.anyMatch(m -> m.contains("「是否建成职工之家」为必填项")).anyMatch(m -> m.contains("不属于此报表"));
		// nothing was stored
		assertThat(body(mvc.perform(as("orgadmin1", get("/api/v1/forms/" + id + "/responses/" + finance))).andReturn())
			.get("status").get("code").asString()).isEqualTo("NOT_STARTED");
	}

	@Test
	void invalidFieldDefinitionsAreRefused() throws Exception {
		Map<String, Object> orgs = Map.of("orgIds", List.of(orgId("市财政局工会")));
		Object[][] cases = {
				{ Map.of("label", "人数", "type", "INTEGER", "required", true, "min", 10, "max", 5), "最小值不能大于最大值" },
				{ Map.of("label", "类别", "type", "CHOICE", "required", true), "至少一个选项" },
				{ Map.of("label", "类别", "type", "CHOICE", "options", List.of("甲", "甲")), "重复" },
				{ Map.of("label", "人数", "type", "INTEGER", "maxLength", 5), "不能设置最大字数" },
				{ Map.of("label", "说明", "type", "TEXT", "min", 1), "不能设置最小值" },
				{ Map.of("label", "人数", "type", "NUMBERISH"), "类型无效" },
				{ Map.of("label", " ", "type", "TEXT"), "名称" } };
		for (Object[] c : cases) {
			@SuppressWarnings("unchecked")
			MvcResult r = send("admin", uniqueTitle("定义有误"), orgs, List.of((Map<String, Object>) c[0]));
			assertThat(r.getResponse().getStatus()).as(c[1].toString()).isEqualTo(400);
			assertThat(body(r).get("detail").asString()).contains((String) c[1]);
		}
		MvcResult none = send("admin", uniqueTitle("无字段"), orgs, List.of());
		assertThat(body(none).get("detail").asString()).contains("至少设置一个填报项");
		Map<String, Object> past = Map.of("title", "过期", "deadline", "2020-01-01T08:00:00+08:00", "fields",
				standardFields(), "targets", orgs);
		assertThat(body(mvc.perform(as("admin", post("/api/v1/forms")).content(json.writeValueAsString(past))).andReturn())
			.get("detail").asString()).contains("截止时间应晚于当前时间");
	}

	@Test
	void aTargetOutsideTheSendersScopeIsForbiddenAndOthersCannotSendAtAll() throws Exception {
		MvcResult outside = send("orgadmin1", uniqueTitle("越权"), Map.of("orgIds", List.of(orgId("市教育局工会"))),
				standardFields());
		assertThat(outside.getResponse().getStatus()).isEqualTo(403);
		assertThat(send("member1", uniqueTitle("越权"), Map.of("all", true), standardFields()).getResponse().getStatus())
			.isEqualTo(403);
		// a group admin sends to its own group
		MvcResult group = send("group1", uniqueTitle("片组报表"), Map.of("orgType", "UNION"), standardFields());
		assertThat(group.getResponse().getStatus()).isEqualTo(201);
		long id = body(group).get("id").asLong();
		JsonNode statuses = body(mvc.perform(as("group1", get("/api/v1/forms/" + id + "/responses"))).andReturn());
		assertThat(statuses.findValuesAsString("groupName")).containsOnly("第一片组");
	}

	@Test
	void anOrgNeverSeesAnotherOrgsValuesNorTheAggregate() throws Exception {
		JsonNode form = sendToTwoUnions();
		long id = form.get("id").asLong();
		fill("orgadmin2", id, orgId("市教育局工会"), values(form, 80, 1500, "否"), true);
		assertThat(mvc.perform(as("orgadmin1", get("/api/v1/forms/" + id + "/responses/" + orgId("市教育局工会"))))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(fill("orgadmin1", id, orgId("市教育局工会"), values(form, 1, 1, "是"), false).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(as("orgadmin1", get("/api/v1/forms/" + id + "/aggregate"))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(as("orgadmin1", get("/api/v1/forms/" + id + "/responses"))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(as("member1", get("/api/v1/forms/" + id))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		// the sender sees the values
		JsonNode seen = body(mvc.perform(as("admin", get("/api/v1/forms/" + id + "/responses/" + orgId("市教育局工会"))))
			.andReturn());
		assertThat(seen.get("values").get(String.valueOf(field(form, "职工人数"))).asString()).isEqualTo("80");
	}

	@Test
	void theExportHoldsEveryOrgsValuesAndTheAggregate() throws Exception {
		JsonNode form = sendToTwoUnions();
		long id = form.get("id").asLong();
		fill("orgadmin1", id, orgId("市财政局工会"), values(form, 120, "=1+1", "是"), false);
		fill("orgadmin1", id, orgId("市财政局工会"), values(form, 120, 7, "是"), true);
		MvcResult r = mvc.perform(as("admin", get("/api/v1/forms/" + id + "/export"))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("填报情况");
			assertThat(book.getSheetAt(0).getRow(0).getCell(4).getStringCellValue()).isEqualTo("职工人数");
			assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(3);
			assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("汇总");
			assertThat(book.getSheetAt(1).getRow(1).getCell(3).getNumericCellValue()).isEqualTo(120.0);
		}
	}

	@Test
	void aFieldLabelThatLooksLikeAFormulaIsNeutralisedInTheExportHeaderAndTheAggregate() throws Exception {
		List<Map<String, Object>> fields = new ArrayList<>(standardFields());
		fields.add(Map.of("label", "=1+1", "type", "DECIMAL", "required", false));
		MvcResult sent = send("admin", uniqueTitle("公式标签"), Map.of("orgIds", List.of(orgId("市财政局工会"))), fields);
		assertThat(sent.getResponse().getStatus()).isEqualTo(201);
		long id = body(sent).get("id").asLong();
		MvcResult r = mvc.perform(as("admin", get("/api/v1/forms/" + id + "/export"))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(9).getStringCellValue()).isEqualTo("'=1+1");
			List<String> labels = new ArrayList<>();
			book.getSheetAt(1).forEach(row -> labels.add(row.getCell(1).getStringCellValue()));
			assertThat(labels).contains("'=1+1").doesNotContain("=1+1");
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	FormReminders reminders;

	@Test
	void unionsThatHaveNotSubmittedAreRemindedOnceADayNearTheDeadline() throws Exception {
		JsonNode form = sendToTwoUnions();
		long id = form.get("id").asLong();
		fill("orgadmin1", id, orgId("市财政局工会"), values(form, 1, 1, "是"), true);
		jdbc.sql("update stat_form set deadline = :d where id = :id")
			.param("d", OffsetDateTime.now(TestClock.CLOCK).plusDays(1)).param("id", id).update();
		reminders.remindDueSoon();
		reminders.remindDueSoon();
		List<String> reminded = jdbc.sql("""
				select a.username from notification n join account a on a.id = n.recipient_account_id
				where n.event_key like :k and n.channel = 'INBOX'""")
			.param("k", "form-" + id + "-remind-%").query(String.class).list();
		assertThat(reminded).containsExactly("orgadmin2");
	}
}
