package org.quntuan.finance.dues;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quntuan.finance.Journal;
import org.quntuan.finance.YearCloses;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Member dues of 市财政局工会 through the API: generated from base pay at 0.5%, adjusted, confirmed and
 * posted as one balanced journal entry; pay and per-person lines for its finance officer only.
 * Each test takes months of 2013–2018 that no sheet uses yet (the demo's sheets are of this year);
 * the demo's close of last year, which freezes those years too, is lifted for each test and put back
 * after it.
 */
class FinanceDuesTests extends IntegrationTest {

	private static final String UNION = "市财政局工会";

	private YearCloses.Lifted open;

	@BeforeEach
	void openTheOldYears() {
		open = YearCloses.openFrom(jdbc, 2012, orgId(UNION));
	}

	@AfterEach
	void restoreTheCloses() {
		if (open != null) {
			open.close();
			open = null;
		}
	}

	private MvcResult call(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.header("Authorization", bearer(user))).andReturn();
	}

	private MvcResult send(String user, AbstractMockHttpServletRequestBuilder<?> request, String body) throws Exception {
		return call(user, request.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private long generate(int[] period) throws Exception {
		MvcResult result = send("finance1", post("/api/v1/finance/dues-sheets"),
				"{\"orgId\":%d,\"year\":%d,\"month\":%d}".formatted(orgId(UNION), period[0], period[1]));
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		return body(result).get("id").asLong();
	}

	private void setPay(long person, String base) throws Exception {
		MvcResult result = send("finance1", put("/api/v1/finance/pay/" + person), "{\"monthlyBase\":\"" + base + "\"}");
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
	}

	private Map<String, Object> sheetRow(long id) {
		return jdbc.sql("select * from fin_dues_sheet where id = :id").param("id", id).query().singleRow();
	}

	private BigDecimal line(long sheet, long person, String column) {
		return jdbc.sql("select " + column + " from fin_dues_line where sheet_id = :s and person_id = :p")
			.param("s", sheet).param("p", person).query(BigDecimal.class).single();
	}

	private long duesEntries(long sheet) {
		return jdbc.sql("select count(*) from fin_txn where source_type = 'DUES' and source_id = :s").param("s", sheet)
			.query(Long.class).single();
	}

	@Test
	void theRateIsAppliedToTheFenRoundingHalfUp() {
		BigDecimal rate = new BigDecimal("0.005");
		assertThat(DuesSheets.due(new BigDecimal("8650.00"), rate)).isEqualByComparingTo("43.25");
		assertThat(DuesSheets.due(new BigDecimal("7777.77"), rate)).isEqualTo(new BigDecimal("38.89"));
		assertThat(DuesSheets.due(new BigDecimal("7777.00"), rate)).isEqualTo(new BigDecimal("38.89")); // 38.885
		assertThat(DuesSheets.due(new BigDecimal("7776.00"), rate)).isEqualTo(new BigDecimal("38.88"));
		assertThat(DuesSheets.due(new BigDecimal("0.00"), rate)).isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void aSheetIsGeneratedAdjustedConfirmedAndPostedAsOneBalancedEntryOfTheTotalPaid() throws Exception {
		List<DuesFixtures.Member> members = DuesFixtures.members(jdbc, "市财政局");
		DuesFixtures.Member first = members.get(0);
		DuesFixtures.Member second = members.get(1);
		setPay(first.id(), "8650.00");
		setPay(second.id(), "7777.77");
		int[] period = DuesFixtures.freeMonth(jdbc, orgId(UNION), 2013, 2018);
		long id = generate(period);

		JsonNode sheet = body(call("finance1", get("/api/v1/finance/dues-sheets/" + id)));
		assertThat(sheet.get("status").get("code").asString()).isEqualTo("DRAFT");
		assertThat(sheet.get("rate").decimalValue()).isEqualByComparingTo("0.005");
		assertThat(sheet.get("memberCount").asInt()).isEqualTo(members.size());
		assertThat(sheet.get("lines")).hasSize(members.size());
		assertThat(line(id, first.id(), "amount_due")).isEqualTo(new BigDecimal("43.25"));
		assertThat(line(id, second.id(), "amount_due")).isEqualTo(new BigDecimal("38.89"));
		assertThat(line(id, second.id(), "amount_paid")).isEqualTo(new BigDecimal("38.89"));

		MvcResult adjusted = send("finance1", put("/api/v1/finance/dues-sheets/" + id + "/lines/" + second.id()),
				"{\"amountPaid\":\"20.00\"}");
		assertThat(adjusted.getResponse().getStatus()).isEqualTo(200);
		BigDecimal due = jdbc.sql("select sum(amount_due) from fin_dues_line where sheet_id = :s").param("s", id)
			.query(BigDecimal.class).single();
		BigDecimal paid = due.subtract(new BigDecimal("18.89"));
		assertThat(body(adjusted).get("totalDue").decimalValue()).isEqualByComparingTo(due);
		assertThat(body(adjusted).get("totalPaid").decimalValue()).isEqualByComparingTo(paid);
		assertThat((BigDecimal) sheetRow(id).get("total_paid")).isEqualByComparingTo(paid);

		// posting a draft is refused; confirming freezes the lines
		assertThat(call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/post")).getResponse().getStatus())
			.isEqualTo(409);
		assertThat(call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/confirm")).getResponse().getStatus())
			.isEqualTo(200);
		assertThat(send("finance1", put("/api/v1/finance/dues-sheets/" + id + "/lines/" + second.id()),
				"{\"amountPaid\":\"38.89\"}").getResponse().getStatus()).isEqualTo(409);
		assertThat(line(id, second.id(), "amount_paid")).isEqualTo(new BigDecimal("20.00"));

		MvcResult posted = call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/post"));
		assertThat(posted.getResponse().getStatus()).isEqualTo(200);
		JsonNode after = body(posted);
		assertThat(after.get("status").get("code").asString()).isEqualTo("POSTED");
		long txn = after.get("txnId").asLong();
		Map<String, Object> entry = jdbc.sql("select * from fin_txn where id = :id").param("id", txn).query().singleRow();
		LocalDate lastDay = YearMonth.of(period[0], period[1]).atEndOfMonth();
		assertThat(Journal.toDate(entry.get("txn_date"))).isEqualTo(lastDay);
		assertThat(entry.get("category_code")).isEqualTo("DUES");
		assertThat(entry.get("memo")).isEqualTo(period[0] + "年" + period[1] + "月会费");
		assertThat(entry.get("counterparty")).isEqualTo("本会会员");
		assertThat(entry.get("org_id")).isEqualTo(orgId(UNION));
		List<Map<String, Object>> lines = jdbc.sql("select account, amount from fin_line where txn_id = :t order by id")
			.param("t", txn).query().listOfRows();
		assertThat(lines).hasSize(2);
		assertThat(lines.stream().map(l -> (BigDecimal) l.get("amount")).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("0");
		assertThat(lines.stream().filter(l -> l.get("account").equals("BANK")).map(l -> (BigDecimal) l.get("amount")))
			.singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo(paid));
		assertThat(jdbc.sql("""
				select amount from fin_month_sum where org_id = :o and fiscal_year = :y and fiscal_month = :m and account = 'DUES'""")
			.param("o", orgId(UNION)).param("y", period[0]).param("m", period[1]).query(BigDecimal.class).single())
			.isEqualByComparingTo(paid.negate());

		// posting again names the same entry and records nothing new
		MvcResult again = call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/post"));
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(again).get("txnId").asLong()).isEqualTo(txn);
		assertThat(duesEntries(id)).isEqualTo(1);
		// the org admin (union chair) may also post; still the same entry
		assertThat(body(call("orgadmin1", post("/api/v1/finance/dues-sheets/" + id + "/post"))).get("txnId").asLong())
			.isEqualTo(txn);
		assertThat(duesEntries(id)).isEqualTo(1);
	}

	@Test
	void aSecondSheetForTheSameMonthIsAConflictAndBadInputChangesNothing() throws Exception {
		int[] period = DuesFixtures.freeMonth(jdbc, orgId(UNION), 2013, 2018);
		long id = generate(period);
		MvcResult twice = send("finance1", post("/api/v1/finance/dues-sheets"),
				"{\"orgId\":%d,\"year\":%d,\"month\":%d}".formatted(orgId(UNION), period[0], period[1]));
		assertThat(twice.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(twice).get("detail").asString()).contains("已经生成过了");
		for (String bad : List.of("{\"orgId\":%d,\"year\":%d,\"month\":13}", "{\"orgId\":%d,\"year\":1999,\"month\":%d}")) {
			assertThat(send("finance1", post("/api/v1/finance/dues-sheets"), bad.formatted(orgId(UNION), period[1]))
				.getResponse().getStatus()).isEqualTo(400);
		}
		String future = "{\"orgId\":%d,\"year\":%d,\"month\":1}".formatted(orgId(UNION), LocalDate.now(TestClock.CLOCK).getYear() + 2);
		assertThat(send("finance1", post("/api/v1/finance/dues-sheets"), future).getResponse().getStatus()).isEqualTo(422);
		assertThat(send("finance1", post("/api/v1/finance/dues-sheets"),
				"{\"orgId\":%d,\"year\":2015,\"month\":1}".formatted(orgId("第一片组"))).getResponse().getStatus())
			.isEqualTo(404);

		long person = DuesFixtures.members(jdbc, "市财政局").get(2).id();
		BigDecimal before = line(id, person, "amount_paid");
		Object version = sheetRow(id).get("version");
		for (String bad : List.of("{\"amountPaid\":\"-1\"}", "{\"amountPaid\":\"1.234\"}", "{\"amountPaid\":\"abc\"}",
				"{\"amountPaid\":\"\"}", "{}")) {
			assertThat(send("finance1", put("/api/v1/finance/dues-sheets/" + id + "/lines/" + person), bad).getResponse()
				.getStatus()).as(bad).isEqualTo(400);
		}
		long stranger = personOf("orgadmin2");
		assertThat(send("finance1", put("/api/v1/finance/dues-sheets/" + id + "/lines/" + stranger),
				"{\"amountPaid\":\"1.00\"}").getResponse().getStatus()).isEqualTo(404);
		assertThat(line(id, person, "amount_paid")).isEqualTo(before);
		assertThat(sheetRow(id).get("version")).isEqualTo(version);
		// a correction of the base pay on the line recomputes what is due
		send("finance1", put("/api/v1/finance/dues-sheets/" + id + "/lines/" + person),
				"{\"amountPaid\":\"0\",\"basePay\":\"7777.77\"}");
		assertThat(line(id, person, "amount_due")).isEqualTo(new BigDecimal("38.89"));
		assertThat(line(id, person, "amount_paid")).isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void aSheetOfAClosedYearIsNotPostedAndNothingReachesTheBooks() throws Exception {
		int[] period = DuesFixtures.freeMonth(jdbc, orgId(UNION), 2012, 2012);
		long id = generate(period);
		assertThat(call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/confirm")).getResponse().getStatus())
			.isEqualTo(200);
		// 2012 is open (the later closes are lifted); closing it is what refuses the posting below
		MvcResult closed = send("finance1", post("/api/v1/finance/year-closes"),
				"{\"orgId\":%d,\"year\":2012}".formatted(orgId(UNION)));
		assertThat(closed.getResponse().getStatus()).as(closed.getResponse().getContentAsString()).isEqualTo(201);
		long sums = jdbc.sql("select count(*) from fin_month_sum where org_id = :o and fiscal_year = 2012")
			.param("o", orgId(UNION)).query(Long.class).single();

		MvcResult posted = call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/post"));
		assertThat(posted.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(posted).get("detail").asString()).isEqualTo("2012 年度已结账，不能再记入该年度的凭证");
		assertThat(sheetRow(id).get("status")).isEqualTo("CONFIRMED");
		assertThat(sheetRow(id).get("txn_id")).isNull();
		assertThat(duesEntries(id)).isZero();
		assertThat(jdbc.sql("select count(*) from fin_month_sum where org_id = :o and fiscal_year = 2012")
			.param("o", orgId(UNION)).query(Long.class).single()).isEqualTo(sums);
	}

	@Test
	void aSheetWithNothingPaidIsPostedWithoutAnEntry() throws Exception {
		int[] period = DuesFixtures.freeMonth(jdbc, orgId(UNION), 2013, 2018);
		long id = generate(period);
		jdbc.sql("select person_id from fin_dues_line where sheet_id = :s").param("s", id).query(Long.class).list()
			.forEach(p -> {
				try {
					send("finance1", put("/api/v1/finance/dues-sheets/" + id + "/lines/" + p), "{\"amountPaid\":\"0\"}");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/confirm"));
		MvcResult posted = call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/post"));
		assertThat(posted.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(posted).get("status").get("code").asString()).isEqualTo("POSTED");
		assertThat(body(posted).get("txnId").isNull()).isTrue();
		assertThat(duesEntries(id)).isZero();
	}

	@Test
	void basePayAndPerPersonLinesAreForTheUnionsFinanceOfficerOnly() throws Exception {
		DuesFixtures.Member member = DuesFixtures.members(jdbc, "市财政局").get(3);
		setPay(member.id(), "9137.53");
		int[] period = DuesFixtures.freeMonth(jdbc, orgId(UNION), 2013, 2018);
		long id = generate(period);
		String union = String.valueOf(orgId(UNION));

		MvcResult own = call("finance1", get("/api/v1/finance/pay").param("orgId", union).param("size", "200"));
		assertThat(own.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(own).get("totalElements").asLong()).isBetween(1L, 200L);
		assertThat(body(own).get("content").toString()).contains("9137.53").contains(member.name());
		assertThat(call("finance1", get("/api/v1/finance/dues-sheets/" + id)).getResponse().getContentAsString())
			.contains("9137.53").contains(member.name());

		for (String user : List.of("orgadmin1", "auditor1", "admin", "group1")) {
			assertThat(call(user, get("/api/v1/finance/pay").param("orgId", union)).getResponse().getStatus()).as(user)
				.isEqualTo(403);
			assertThat(send(user, put("/api/v1/finance/pay/" + member.id()), "{\"monthlyBase\":\"1.00\"}").getResponse()
				.getStatus()).as(user).isEqualTo(403);
			MvcResult sheet = call(user, get("/api/v1/finance/dues-sheets/" + id));
			assertThat(sheet.getResponse().getStatus()).as(user).isEqualTo(200);
			String json = sheet.getResponse().getContentAsString();
			assertThat(json).as(user).doesNotContain("9137.53").doesNotContain("lines").doesNotContain(member.name())
				.doesNotContain("basePay");
			assertThat(body(sheet).get("totalDue")).isNotNull();
			String arrears = call(user, get("/api/v1/finance/dues-arrears").param("orgId", union)).getResponse()
				.getContentAsString();
			assertThat(arrears).as(user).contains("\"total\"").doesNotContain("members").doesNotContain(member.name());
			assertThat(send(user, put("/api/v1/finance/dues-sheets/" + id + "/lines/" + member.id()),
					"{\"amountPaid\":\"1.00\"}").getResponse().getStatus()).as(user).isEqualTo(403);
		}
		// outside one's books: not found, whoever asks
		for (String user : List.of("orgadmin2", "member1", "info1")) {
			assertThat(call(user, get("/api/v1/finance/pay").param("orgId", union)).getResponse().getStatus()).as(user)
				.isEqualTo(404);
			assertThat(call(user, get("/api/v1/finance/dues-sheets/" + id)).getResponse().getStatus()).as(user)
				.isEqualTo(404);
			assertThat(send(user, put("/api/v1/finance/pay/" + member.id()), "{\"monthlyBase\":\"1.00\"}").getResponse()
				.getStatus()).as(user).isEqualTo(404);
		}
		assertThat(jdbc.sql("select monthly_base from fin_pay where person_id = :p").param("p", member.id())
			.query(BigDecimal.class).single()).isEqualTo(new BigDecimal("9137.53"));
		// an auditor reads the totals but neither generates nor confirms
		assertThat(call("auditor1", post("/api/v1/finance/dues-sheets/" + id + "/confirm")).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(sheetRow(id).get("status")).isEqualTo("DRAFT");
	}

	@Test
	void aPayrollImportWithOneBadRowChangesNothingAndAGoodOneSetsEveryBasePay() throws Exception {
		List<DuesFixtures.Member> members = DuesFixtures.members(jdbc, "市财政局");
		DuesFixtures.Member a = members.get(4);
		DuesFixtures.Member b = members.get(5);
		DuesFixtures.Member elsewhere = DuesFixtures.members(jdbc, "市教育局").get(0);
		setPay(a.id(), "5000.00");
		setPay(b.id(), "6000.00");
		String union = String.valueOf(orgId(UNION));
		MockMultipartFile bad = DuesFixtures.payroll(DuesFixtures.PAY_HEADER, List.of(
				List.of(a.name(), a.idNumber(), "8650.00"),
				List.of(b.name(), b.idNumber(), "1.234"),
				List.of(elsewhere.name(), elsewhere.idNumber(), "7000"),
				List.of("另一个名字", a.idNumber().substring(0, 17) + "0", "7000"),
				List.of(a.name(), a.idNumber(), "-5")));
		MvcResult rejected = call("finance1", multipart("/api/v1/finance/pay/import").file(bad).param("orgId", union));
		assertThat(rejected.getResponse().getStatus()).as(rejected.getResponse().getContentAsString()).isEqualTo(400);
		List<Integer> rows = new ArrayList<>();
		body(rejected).get("errors").forEach(e -> rows.add(e.get("row").asInt()));
		assertThat(rows).contains(3, 4, 5, 6);
		assertThat(body(rejected).get("detail").asString()).contains("未导入任何数据");
		assertThat(pay(a.id())).isEqualTo(new BigDecimal("5000.00"));
		assertThat(pay(b.id())).isEqualTo(new BigDecimal("6000.00"));

		MockMultipartFile good = DuesFixtures.payroll(DuesFixtures.PAY_HEADER, List.of(
				List.of(a.name(), a.idNumber(), "8650.00"),
				List.of(b.name(), b.idNumber().toLowerCase(), "7,777.77")));
		MvcResult imported = call("finance1", multipart("/api/v1/finance/pay/import").file(good).param("orgId", union));
		assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(imported).get("imported").asInt()).isEqualTo(2);
		assertThat(pay(a.id())).isEqualTo(new BigDecimal("8650.00"));
		assertThat(pay(b.id())).isEqualTo(new BigDecimal("7777.77"));
		// not a finance officer: refused before the file is read
		assertThat(call("orgadmin1", multipart("/api/v1/finance/pay/import").file(good).param("orgId", union))
			.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aPayrollImportIntoADraftSheetUpdatesItsLinesOrNothing() throws Exception {
		List<DuesFixtures.Member> members = DuesFixtures.members(jdbc, "市财政局");
		DuesFixtures.Member a = members.get(6);
		DuesFixtures.Member b = members.get(7);
		int[] period = DuesFixtures.freeMonth(jdbc, orgId(UNION), 2013, 2018);
		long id = generate(period);
		BigDecimal dueA = line(id, a.id(), "amount_due");
		BigDecimal totalDue = (BigDecimal) sheetRow(id).get("total_due");

		MockMultipartFile bad = DuesFixtures.payroll(DuesFixtures.SHEET_HEADER, List.of(
				List.of(a.name(), a.idNumber(), "8650.00", "40.00"),
				List.of(b.name(), b.idNumber(), "7777.77", "x")));
		MvcResult rejected = call("finance1", multipart("/api/v1/finance/dues-sheets/" + id + "/import").file(bad));
		assertThat(rejected.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(rejected).get("errors").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(body(rejected).get("errors").get(0).get("column").asString()).isEqualTo("实缴金额");
		assertThat(line(id, a.id(), "amount_due")).isEqualTo(dueA);
		assertThat((BigDecimal) sheetRow(id).get("total_due")).isEqualByComparingTo(totalDue);

		MockMultipartFile good = DuesFixtures.payroll(DuesFixtures.SHEET_HEADER, List.of(
				Arrays.asList(a.name(), a.idNumber(), "8650.00", "40.00"),
				Arrays.asList(b.name(), b.idNumber(), "7777.77", null)));
		MvcResult imported = call("finance1", multipart("/api/v1/finance/dues-sheets/" + id + "/import").file(good));
		assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(line(id, a.id(), "base_pay")).isEqualTo(new BigDecimal("8650.00"));
		assertThat(line(id, a.id(), "amount_due")).isEqualTo(new BigDecimal("43.25"));
		assertThat(line(id, a.id(), "amount_paid")).isEqualTo(new BigDecimal("40.00"));
		assertThat(line(id, b.id(), "amount_due")).isEqualTo(new BigDecimal("38.89"));
		assertThat(line(id, b.id(), "amount_paid")).isEqualTo(new BigDecimal("38.89"));
		BigDecimal sum = jdbc.sql("select sum(amount_paid) from fin_dues_line where sheet_id = :s").param("s", id)
			.query(BigDecimal.class).single();
		assertThat(body(imported).get("totalPaid").decimalValue()).isEqualByComparingTo(sum);
	}

	@Test
	void perPersonBasePayAndPaidAmountsAreCappedSoASheetTotalCannotOverflow() throws Exception {
		// numeric(12,2) lines would take 9,999,999,999.99 each: ~100 of them overflow the numeric(14,2) totals (a 500)
		List<DuesFixtures.Member> members = DuesFixtures.members(jdbc, "市财政局");
		DuesFixtures.Member a = members.get(11);
		DuesFixtures.Member b = members.get(12);
		int[] period = DuesFixtures.freeMonth(jdbc, orgId(UNION), 2013, 2018);
		long id = generate(period);
		String lineUrl = "/api/v1/finance/dues-sheets/" + id + "/lines/" + a.id();
		BigDecimal paidBefore = line(id, a.id(), "amount_paid");
		BigDecimal baseBefore = line(id, a.id(), "base_pay");
		Object version = sheetRow(id).get("version");

		Map<String, String> overLimit = Map.of(
				"{\"amountPaid\":\"100000.01\"}", "amountPaid",
				"{\"amountPaid\":\"9999999999.99\"}", "amountPaid",
				"{\"amountPaid\":\"0\",\"basePay\":\"1000000.01\"}", "basePay",
				"{\"amountPaid\":\"0\",\"basePay\":\"9,999,999,999.99\"}", "basePay");
		for (Map.Entry<String, String> bad : overLimit.entrySet()) {
			MvcResult refused = send("finance1", put(lineUrl), bad.getKey());
			assertThat(refused.getResponse().getStatus()).as(bad.getKey()).isEqualTo(400);
			JsonNode problem = body(refused);
			assertThat(problem.get("errors").get(0).get("field").asString()).as(bad.getKey()).isEqualTo(bad.getValue());
			assertThat(problem.get("detail").asString()).as(bad.getKey())
				.contains(bad.getValue().equals("basePay") ? "月工资基数每人不能超过 1,000,000.00 元" : "实缴金额每人每月不能超过 100,000.00 元");
		}
		assertThat(line(id, a.id(), "amount_paid")).isEqualTo(paidBefore);
		assertThat(line(id, a.id(), "base_pay")).isEqualTo(baseBefore);
		assertThat(sheetRow(id).get("version")).isEqualTo(version);

		// the limits themselves are accepted
		MvcResult atLimit = send("finance1", put(lineUrl), "{\"amountPaid\":\"100000.00\",\"basePay\":\"1000000.00\"}");
		assertThat(atLimit.getResponse().getStatus()).as(atLimit.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(line(id, a.id(), "base_pay")).isEqualTo(new BigDecimal("1000000.00"));
		assertThat(line(id, a.id(), "amount_due")).isEqualTo(new BigDecimal("5000.00"));
		assertThat(line(id, a.id(), "amount_paid")).isEqualTo(new BigDecimal("100000.00"));

		// a payroll file into the sheet: the same limits, row by row, and nothing changed
		MockMultipartFile sheetFile = DuesFixtures.payroll(DuesFixtures.SHEET_HEADER, List.of(
				List.of(a.name(), a.idNumber(), "1000000.01", "10.00"),
				List.of(b.name(), b.idNumber(), "8650.00", "9999999999.99")));
		MvcResult rejected = call("finance1", multipart("/api/v1/finance/dues-sheets/" + id + "/import").file(sheetFile));
		assertThat(rejected.getResponse().getStatus()).as(rejected.getResponse().getContentAsString()).isEqualTo(400);
		List<String> errors = new ArrayList<>();
		body(rejected).get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString()
				+ " " + e.get("message").asString()));
		assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("2 月工资基数").contains("1,000,000.00"))
			.anySatisfy(e -> assertThat(e).startsWith("3 实缴金额").contains("100,000.00"));
		assertThat(line(id, a.id(), "base_pay")).isEqualTo(new BigDecimal("1000000.00"));
		assertThat(line(id, b.id(), "amount_paid")).isEqualTo(line(id, b.id(), "amount_due"));

		// and the base pay itself, typed or imported
		setPay(b.id(), "6500.00");
		MvcResult typed = send("finance1", put("/api/v1/finance/pay/" + b.id()), "{\"monthlyBase\":\"1000000.01\"}");
		assertThat(typed.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(typed).get("errors").get(0).get("field").asString()).isEqualTo("monthlyBase");
		assertThat(body(typed).get("detail").asString()).contains("1,000,000.00");
		MockMultipartFile payFile = DuesFixtures.payroll(DuesFixtures.PAY_HEADER, List.of(
				List.of(b.name(), b.idNumber(), "9999999999.99")));
		MvcResult imported = call("finance1", multipart("/api/v1/finance/pay/import").file(payFile)
			.param("orgId", String.valueOf(orgId(UNION))));
		assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(400);
		assertThat(body(imported).get("errors").get(0).get("column").asString()).isEqualTo("月工资基数");
		assertThat(body(imported).get("errors").get(0).get("message").asString()).contains("1,000,000.00");
		assertThat(pay(b.id())).isEqualTo(new BigDecimal("6500.00"));
		setPay(b.id(), "1000000.00");
		assertThat(pay(b.id())).isEqualTo(new BigDecimal("1000000.00"));
		setPay(b.id(), "6500.00");
	}

	@Test
	void arrearsArePerMemberForTheFinanceOfficerAndPerUnionForTheGroup() throws Exception {
		DuesFixtures.Member member = DuesFixtures.members(jdbc, "市财政局").get(8);
		setPay(member.id(), "8650.00");
		int[] period = DuesFixtures.freeMonth(jdbc, orgId(UNION), 2013, 2018);
		long id = generate(period);
		send("finance1", put("/api/v1/finance/dues-sheets/" + id + "/lines/" + member.id()), "{\"amountPaid\":\"3.25\"}");
		call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/confirm"));
		assertThat(call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/post")).getResponse().getStatus())
			.isEqualTo(200);

		BigDecimal expected = jdbc.sql("""
				select sum(l.amount_due - l.amount_paid) from fin_dues_line l join fin_dues_sheet s on s.id = l.sheet_id
				where s.org_id = :o and s.status = 'POSTED' and l.person_id = :p""")
			.param("o", orgId(UNION)).param("p", member.id()).query(BigDecimal.class).single();
		assertThat(expected).isGreaterThanOrEqualTo(new BigDecimal("40.00"));
		BigDecimal unionTotal = jdbc.sql("""
				select sum(total_due - total_paid) from fin_dues_sheet where org_id = :o and status = 'POSTED'""")
			.param("o", orgId(UNION)).query(BigDecimal.class).single();

		JsonNode own = body(call("finance1", get("/api/v1/finance/dues-arrears").param("orgId", String.valueOf(orgId(UNION)))));
		assertThat(own.get("total").decimalValue()).isEqualByComparingTo(unionTotal);
		JsonNode row = null;
		for (JsonNode m : own.get("members")) {
			if (m.get("personId").asLong() == member.id()) {
				row = m;
			}
		}
		assertThat(row).isNotNull();
		assertThat(row.get("arrears").decimalValue()).isEqualByComparingTo(expected);
		assertThat(row.get("name").asString()).isEqualTo(member.name());

		JsonNode group = body(call("group1", get("/api/v1/finance/dues-arrears").param("orgId",
				String.valueOf(orgId("第一片组")))));
		assertThat(group.has("members")).isFalse();
		JsonNode unionRow = null;
		for (JsonNode u : group.get("unions")) {
			if (u.get("orgId").asLong() == orgId(UNION)) {
				unionRow = u;
			}
			assertThat(u.get("name").asString()).endsWith("工会");
		}
		assertThat(unionRow).isNotNull();
		assertThat(unionRow.get("arrears").decimalValue()).isEqualByComparingTo(unionTotal);
		assertThat(group.toString()).doesNotContain(member.name());
		// the sheets of the group's unions, with totals
		JsonNode sheets = body(call("group1", get("/api/v1/finance/dues-sheets").param("orgId",
				String.valueOf(orgId("第一片组"))).param("year", String.valueOf(period[0]))));
		assertThat(sheets.get("content").toString()).contains("\"id\":" + id).doesNotContain("lines");
		assertThat(sheets.get("totalElements").asLong()).isGreaterThanOrEqualTo(sheets.get("content").size());
	}

	@Test
	void theArrearsExportHoldsTheRowsOfThePageMembersOnlyForTheFinanceOfficerAndNamesCannotBeFormulas()
			throws Exception {
		DuesFixtures.Member member = DuesFixtures.members(jdbc, "市财政局").get(7);
		setPay(member.id(), "7400.00");
		int[] period = DuesFixtures.freeMonth(jdbc, orgId(UNION), 2013, 2018);
		long id = generate(period);
		send("finance1", put("/api/v1/finance/dues-sheets/" + id + "/lines/" + member.id()), "{\"amountPaid\":\"1.25\"}");
		call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/confirm"));
		assertThat(call("finance1", post("/api/v1/finance/dues-sheets/" + id + "/post")).getResponse().getStatus())
			.isEqualTo(200);
		String union = String.valueOf(orgId(UNION));
		long audited = jdbc.sql("select count(*) from audit_event where object_type = 'FIN_ARREARS_EXPORT'")
			.query(Long.class).single();
		jdbc.sql("update person set name = :n where id = :p").param("n", "=HYPERLINK(\"http://x\")")
			.param("p", member.id()).update();
		try {
			Sheet own = arrearsSheet("finance1", union);
			assertThat(own.getRow(1).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(own.getRow(1).getCell(3).getStringCellValue()).isEqualTo("欠缴（元）");
			List<String> names = new ArrayList<>();
			for (int r = 2; r < own.getLastRowNum(); r++) {
				names.add(own.getRow(r).getCell(0).getStringCellValue());
			}
			assertThat(names).contains("'=HYPERLINK(\"http://x\")");
			int members = body(call("finance1", get("/api/v1/finance/dues-arrears").param("orgId", union)))
				.get("members").size();
			assertThat(names).as("every member of the page").hasSize(members);
			assertThat(own.getRow(own.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("合计");

			// the union's admin sees the totals only, the group its unions only
			Sheet admin = arrearsSheet("orgadmin1", union);
			assertThat(admin.getRow(1).getCell(0).getStringCellValue()).isEqualTo("应缴（元）");
			for (Row row : admin) {
				row.forEach(c -> assertThat(c.toString()).doesNotContain("HYPERLINK"));
			}
			Sheet group = arrearsSheet("group1", String.valueOf(orgId("第一片组")));
			assertThat(group.getRow(1).getCell(0).getStringCellValue()).isEqualTo("工会");
			List<String> unions = new ArrayList<>();
			for (int r = 2; r < group.getLastRowNum(); r++) {
				unions.add(group.getRow(r).getCell(0).getStringCellValue());
			}
			List<String> expected = jdbc.sql("""
					select name from org where type = 'UNION' and active = true and path like :p order by path""")
				.param("p", jdbc.sql("select path from org where id = :o").param("o", orgId("第一片组")).query(String.class)
					.single() + "%")
				.query(String.class).list();
			assertThat(unions).containsExactlyElementsOf(expected).contains(UNION);
		}
		finally {
			jdbc.sql("update person set name = :n where id = :p").param("n", member.name()).param("p", member.id())
				.update();
		}
		assertThat(mvc.perform(get("/finance/dues/arrears/export").param("orgId", String.valueOf(orgId("市教育局工会")))
			.session(login("finance1"))).andReturn().getResponse().getStatus()).as("another union's book").isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'FIN_ARREARS_EXPORT'")
			.query(Long.class).single()).isEqualTo(audited + 3);
	}

	private Sheet arrearsSheet(String user, String orgId) throws Exception {
		MvcResult result = mvc.perform(get("/finance/dues/arrears/export").param("orgId", orgId).session(login(user)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(user).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetName(0)).isEqualTo("欠缴情况");
			return book.getSheetAt(0);
		}
	}

	private BigDecimal pay(long person) {
		return jdbc.sql("select monthly_base from fin_pay where person_id = :p").param("p", person).query(BigDecimal.class)
			.single();
	}
}
