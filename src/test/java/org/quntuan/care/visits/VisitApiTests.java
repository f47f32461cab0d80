package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.support.AuditTrail;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A visit plan as the federation draws it up and the org admins carry it out: their people on the list
 * within the budget, each visit recorded once with its cash in the paying book's journal (a second
 * recording is 409 and posts nothing), the board per organ with the money against the budget, the Excel
 * file, the photo, and the audit log.
 */
class VisitApiTests extends VisitFixtures {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D',
			'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };

	@Test
	void theFederationsPlanIsCarriedOutByTheOrganAdminAndItsCashIsPostedOnce() throws Exception {
		long plan = plan("admin", "春节走访慰问（接口测试）", ROOT, "5000", standard("MODEL_WORKER", "CASH", "1000", null),
				standard("退休老同志", "慰问品", "300", "大米、食用油"));
		List<Long> people = unionMembers("市财政局", 2);
		long worker = added("orgadmin1", plan, people.get(0), "劳模");
		long retired = added("orgadmin1", plan, people.get(1), "RETIRED");

		MvcResult cash = visit("orgadmin1", worker, "");
		assertThat(cash.getResponse().getStatus()).as(cash.getResponse().getContentAsString()).isEqualTo(201);
		long txn = body(cash).get("txnId").asLong();
		assertThat(entriesOf(worker)).containsExactly(txn);
		assertThat(line(txn, "BANK")).isEqualByComparingTo("-1000.00");
		assertThat(line(txn, "RIGHTS")).isEqualByComparingTo("1000.00");
		assertThat(jdbc.sql("select org_id from fin_txn where id = :t").param("t", txn).query(Long.class).single())
			.isEqualTo(orgId(ROOT));

		MvcResult again = visit("orgadmin1", worker, "");
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(again).get("detail").asString()).contains("的走访已登记，不能重复登记");
		assertThat(entriesOf(worker)).containsExactly(txn);

		MvcResult goods = visit("orgadmin1", retired, ",\"note\":\"老同志身体健康\"");
		assertThat(goods.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(goods).has("txnId")).isFalse();
		assertThat(entriesOf(retired)).isEmpty();
		JsonNode visit = body(mvc.perform(get("/api/v1/care/visits/" + body(goods).get("id").asLong())
			.header("Authorization", bearer("orgadmin1"))).andReturn());
		assertThat(visit.get("form").get("code").asString()).isEqualTo("GOODS");
		assertThat(visit.get("goods").asString()).isEqualTo("大米、食用油");
		assertThat(visit.get("amount").decimalValue()).isEqualByComparingTo("300");

		JsonNode board = body(mvc.perform(get("/api/v1/care/visit-plans/" + plan + "/board")
			.header("Authorization", bearer("admin"))).andReturn());
		assertThat(board.get("rows")).hasSize(1);
		JsonNode row = board.get("rows").get(0);
		assertThat(row.get("organName").asString()).isEqualTo("市财政局");
		assertThat(row.get("planned").asLong()).isEqualTo(2);
		assertThat(row.get("visited").asLong()).isEqualTo(2);
		assertThat(row.get("cash").decimalValue()).isEqualByComparingTo("1000");
		assertThat(row.get("goods").decimalValue()).isEqualByComparingTo("300");
		assertThat(board.get("totals").get("spent").decimalValue()).isEqualByComparingTo("1300");
		assertThat(board.get("totals").get("remaining").decimalValue()).isEqualByComparingTo("3700");
		assertThat(board.get("whole").asBoolean()).isTrue();

		// another organ's admin sees the city's plan, but none of these people
		JsonNode theirs = body(mvc.perform(get("/api/v1/care/visit-plans/" + plan + "/board")
			.header("Authorization", bearer("orgadmin2"))).andReturn());
		assertThat(theirs.get("rows")).isEmpty();
		assertThat(theirs.get("whole").asBoolean()).isFalse();
		JsonNode list = body(mvc.perform(get("/api/v1/care/visit-plans/" + plan + "/recipients?visited=true")
			.header("Authorization", bearer("orgadmin1"))).andReturn());
		assertThat(list.get("totalElements").asLong()).isEqualTo(2);
		assertThat(body(mvc.perform(get("/api/v1/care/visit-plans/" + plan + "/recipients")
			.header("Authorization", bearer("orgadmin2"))).andReturn()).get("totalElements").asLong()).isZero();

		JsonNode detail = body(mvc.perform(get("/api/v1/care/visit-plans/" + plan).header("Authorization", bearer("orgadmin1")))
			.andReturn());
		assertThat(detail.get("planned").decimalValue()).isEqualByComparingTo("1300");
		assertThat(detail.get("spent").decimalValue()).isEqualByComparingTo("1300");
		assertThat(detail.get("organizer").asBoolean()).isFalse();
		assertThat(detail.get("standards")).hasSize(2);

		assertThat(AuditTrail.of(jdbc, "CARE_VISIT_PLAN", plan)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.startsWith("制定走访慰问计划「春节走访慰问（接口测试）」") && d.contains("预算 5,000.00 元，2 类慰问对象"))
			.anyMatch(d -> d.contains("列入「春节走访慰问（接口测试）」的慰问对象名单，类别：劳模"));
		assertThat(AuditTrail.of(jdbc, "CARE_VISIT", body(cash).get("id").asLong())).extracting(AuditTrail.Event::detail)
			.singleElement().asString().contains("「春节走访慰问（接口测试）」", "慰问金 1,000.00 元");
		assertThat(AuditTrail.of(jdbc, "CARE_VISIT", body(cash).get("id").asLong()).get(0).orgPath())
			.isEqualTo(AuditTrail.pathOf(jdbc, "市财政局"));
	}

	@Test
	void theBoardExportsToExcelAndTheExportIsAudited() throws Exception {
		long plan = plan("admin", "元旦走访慰问（导出测试）", ROOT, "3000", standard("SICK", "CASH", "500", null));
		long sick = added("orgadmin1", plan, unionMembers("市财政局", 3).get(2), "SICK");
		assertThat(visit("orgadmin1", sick, ",\"amount\":\"450\"").getResponse().getStatus()).isEqualTo(201);
		MvcResult file = mvc.perform(get("/api/v1/care/visit-plans/" + plan + "/board/export")
			.header("Authorization", bearer("admin"))).andReturn();
		assertThat(file.getResponse().getStatus()).isEqualTo(200);
		assertThat(file.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("走访进度");
			assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("市财政局");
			assertThat(book.getSheetAt(0).getRow(2).getCell(4).getNumericCellValue()).isEqualTo(450.0);
			assertThat(book.getSheetAt(1).getRow(1).getCell(2).getStringCellValue()).isEqualTo("患病住院");
		}
		assertThat(AuditTrail.of(jdbc, "CARE_VISIT_EXPORT", plan)).extracting(AuditTrail.Event::detail)
			.containsExactly("导出「元旦走访慰问（导出测试）」的走访进度：1 个单位，1 名慰问对象");
	}

	@Test
	void aPhotoIsKeptOnceWithTheVisitAndOnlyAsPngOrJpeg() throws Exception {
		long plan = plan("admin", "走访照片测试", ROOT, "1000", standard("UNION_CADRE", "GOODS", "200", "春联"));
		long cadre = added("admin", plan, unionMembers("市财政局", 4).get(3), "UNION_CADRE");
		long visit = body(visit("orgadmin1", cadre, "")).get("id").asLong();
		MvcResult text = mvc.perform(multipart("/api/v1/care/visits/" + visit + "/photo")
			.file(new MockMultipartFile("file", "note.txt", "text/plain", "hello".getBytes()))
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(text.getResponse().getStatus()).isEqualTo(400);
		MvcResult photo = mvc.perform(multipart("/api/v1/care/visits/" + visit + "/photo")
			.file(new MockMultipartFile("file", "visit.png", "image/png", PNG))
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(photo.getResponse().getStatus()).as(photo.getResponse().getContentAsString()).isEqualTo(201);
		MvcResult second = mvc.perform(multipart("/api/v1/care/visits/" + visit + "/photo")
			.file(new MockMultipartFile("file", "visit2.png", "image/png", PNG))
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(second.getResponse().getStatus()).isEqualTo(409);
		MvcResult download = mvc.perform(get("/api/v1/care/visits/" + visit + "/photo").header("Authorization", bearer("group1")))
			.andReturn();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PNG);
		assertThat(mvc.perform(get("/api/v1/care/visits/" + visit + "/photo").header("Authorization", bearer("orgadmin2")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theBudgetCapsTheListAndIsRaisedByTheOrganizerWithTheVersionSeen() throws Exception {
		long plan = plan("admin", "预算上限测试", ROOT, "1500", standard("HARDSHIP", "CASH", "1000", null));
		List<Long> people = unionMembers("市财政局", 2);
		added("orgadmin1", plan, people.get(0), "困难会员");
		MvcResult over = add("orgadmin1", plan, people.get(1), "HARDSHIP");
		assertThat(over.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(over).get("detail").asString())
			.endsWith("需预留 1,000.00 元，超出预算：预算 1,500.00 元，已预留 1,000.00 元");
		assertThat(count("select count(*) from care_visit_recipient where plan_id = :p", plan)).isEqualTo(1);

		MvcResult notOrganizer = mvc.perform(put("/api/v1/care/visit-plans/" + plan + "/budget")
			.header("Authorization", bearer("orgadmin1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"budget\":\"3000\",\"version\":0}")).andReturn();
		assertThat(notOrganizer.getResponse().getStatus()).isEqualTo(403);
		MvcResult below = mvc.perform(put("/api/v1/care/visit-plans/" + plan + "/budget")
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"budget\":\"900\",\"version\":0}")).andReturn();
		assertThat(below.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(below).get("detail").asString()).isEqualTo("预算不能低于名单已预留的 1,000.00 元");
		MvcResult raised = mvc.perform(put("/api/v1/care/visit-plans/" + plan + "/budget")
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"budget\":\"2000\",\"version\":0}")).andReturn();
		assertThat(raised.getResponse().getStatus()).isEqualTo(204);
		MvcResult stale = mvc.perform(put("/api/v1/care/visit-plans/" + plan + "/budget")
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"budget\":\"2500\",\"version\":0}")).andReturn();
		assertThat(stale.getResponse().getStatus()).isEqualTo(409);
		added("orgadmin1", plan, people.get(1), "HARDSHIP");
		assertThat(jdbc.sql("select budget from care_visit_plan where id = :p").param("p", plan).query(BigDecimal.class)
			.single()).isEqualByComparingTo("2000");
		assertThat(AuditTrail.of(jdbc, "CARE_VISIT_PLAN", plan)).extracting(AuditTrail.Event::detail)
			.contains("调整「预算上限测试」的预算：1,500.00 元 → 2,000.00 元");
	}

	@Test
	void someoneNotYetVisitedLeavesTheListAndTheirReserveReturnsToTheBudget() throws Exception {
		long plan = plan("admin", "移出名单测试", ROOT, "1000", standard("OTHER", "CASH", "600", null));
		List<Long> people = unionMembers("市财政局", 2);
		long first = added("orgadmin1", plan, people.get(0), "OTHER");
		assertThat(add("orgadmin1", plan, people.get(1), "OTHER").getResponse().getStatus()).isEqualTo(422);
		assertThat(mvc.perform(delete("/api/v1/care/visit-recipients/" + first).header("Authorization", bearer("orgadmin2"))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(delete("/api/v1/care/visit-recipients/" + first).header("Authorization", bearer("orgadmin1"))).andReturn()
			.getResponse().getStatus()).isEqualTo(204);
		long second = added("orgadmin1", plan, people.get(1), "OTHER");
		assertThat(visit("orgadmin1", second, "").getResponse().getStatus()).isEqualTo(201);
		MvcResult visited = mvc.perform(delete("/api/v1/care/visit-recipients/" + second).header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(visited.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(visited).get("detail").asString()).endsWith("已走访，不能移出名单");
	}

	@Test
	void aUnionsOwnPlanReachesOnlyItsOrgansPeopleAndOnlyItsAdminsSeeIt() throws Exception {
		long plan = plan("orgadmin1", "市财政局工会慰问患病职工", "市财政局工会", "2000", standard("SICK", "CASH", "500", null));
		MvcResult outside = add("admin", plan, unionMembers("市教育局", 1).get(0), "SICK");
		assertThat(outside.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(outside).get("detail").asString()).endsWith("不在本计划的慰问范围（市财政局）内");
		long sick = added("orgadmin1", plan, unionMembers("市财政局", 1).get(0), "SICK");
		assertThat(visit("orgadmin1", sick, "").getResponse().getStatus()).isEqualTo(201);
		assertThat(jdbc.sql("select org_id from fin_txn where id = :t").param("t", entriesOf(sick).get(0))
			.query(Long.class).single()).isEqualTo(orgId("市财政局工会"));
		for (String stranger : List.of("orgadmin2", "member1", "finance1", "auditor1")) {
			assertThat(mvc.perform(get("/api/v1/care/visit-plans/" + plan).header("Authorization", bearer(stranger)))
				.andReturn().getResponse().getStatus()).as(stranger).isEqualTo(404);
		}
		assertThat(mvc.perform(get("/api/v1/care/visit-plans/" + plan).header("Authorization", bearer("group1")))
			.andReturn().getResponse().getStatus()).isEqualTo(200);
		JsonNode mine = body(mvc.perform(get("/api/v1/care/visit-plans?size=200").header("Authorization", bearer("orgadmin2")))
			.andReturn());
		for (JsonNode p : mine.get("content")) {
			assertThat(p.get("id").asLong()).isNotEqualTo(plan);
		}
		JsonNode member = body(mvc.perform(get("/api/v1/care/visit-plans").header("Authorization", bearer("member1")))
			.andReturn());
		assertThat(member.get("totalElements").asLong()).isZero();
	}
}
