package org.quntuan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The books through the API: journal, statement, reversal, year-end close, budgets; who may do what. */
class FinanceJournalApiTests extends IntegrationTest {

	@Autowired
	Journal journal;

	@Autowired
	Categories categories;

	private final int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();

	private long record(long book, String category, String amount, LocalDate date) {
		Category c = categories.find(category).orElseThrow();
		return journal.post(Journal.simple(book, date, c, new BigDecimal(amount), "测试单位", "接口测试", "APITEST",
				System.nanoTime(), "POST", null)).txnId();
	}

	private JsonNode getJson(String url, String user) throws Exception {
		MvcResult r = mvc.perform(get(url).header("Authorization", bearer(user))).andReturn();
		assertThat(r.getResponse().getStatus()).as(url + " " + r.getResponse().getContentAsString()).isEqualTo(200);
		return body(r);
	}

	@Test
	void aPostedExpenseShowsInTheJournalAndMovesTheStatementByExactlyItsAmount() throws Exception {
		long union = orgId("市财政局工会");
		JsonNode before = getJson("/api/v1/finance/statement?orgId=" + union + "&year=" + year, "finance1");
		LocalDate day = LocalDate.of(year, 1, 2);
		long txn = record(union, "职工活动支出", "1280.50", day);
		JsonNode after = getJson("/api/v1/finance/statement?orgId=" + union + "&year=" + year, "finance1");
		assertThat(new BigDecimal(after.get("totalExpense").asString()).subtract(new BigDecimal(before.get("totalExpense").asString())))
			.isEqualByComparingTo("1280.50");
		assertThat(new BigDecimal(after.get("closingBalance").asString())
			.subtract(new BigDecimal(before.get("closingBalance").asString()))).isEqualByComparingTo("-1280.50");
		assertThat(after.get("consolidated").asBoolean()).isFalse();
		JsonNode page = getJson("/api/v1/finance/journal?orgId=" + union + "&from=" + day + "&to=" + day + "&size=200",
				"finance1");
		JsonNode entry = null;
		for (JsonNode e : page.get("content")) {
			if (e.get("id").asLong() == txn) {
				entry = e;
			}
		}
		assertThat(entry).isNotNull();
		assertThat(entry.get("categoryName").asString()).isEqualTo("职工活动支出");
		assertThat(new BigDecimal(entry.get("bankAmount").asString())).isEqualByComparingTo("-1280.50");
		assertThat(entry.get("lines")).hasSize(2);
	}

	@Test
	void aGroupStatementConsolidatesTheBooksBelowIt() throws Exception {
		long group = orgId("第一片组");
		long union = orgId("市财政局工会");
		JsonNode before = getJson("/api/v1/finance/statement?orgId=" + group + "&year=" + year, "group1");
		JsonNode own = getJson("/api/v1/finance/statement?orgId=" + group + "&year=" + year + "&consolidated=false", "group1");
		record(union, "会费收入", "100.01", LocalDate.of(year, 2, 3));
		JsonNode after = getJson("/api/v1/finance/statement?orgId=" + group + "&year=" + year, "group1");
		assertThat(after.get("consolidated").asBoolean()).isTrue();
		assertThat(after.get("bookCount").asInt()).isGreaterThan(1);
		assertThat(new BigDecimal(after.get("totalIncome").asString()).subtract(new BigDecimal(before.get("totalIncome").asString())))
			.isEqualByComparingTo("100.01");
		JsonNode ownAfter = getJson("/api/v1/finance/statement?orgId=" + group + "&year=" + year + "&consolidated=false",
				"group1");
		assertThat(ownAfter.get("totalIncome").asString()).isEqualTo(own.get("totalIncome").asString());
	}

	@Test
	void aReversalNetsTheEntryToZeroAndCannotBeRepeated() throws Exception {
		long union = orgId("市财政局工会");
		long txn = record(union, "业务支出", "88.80", LocalDate.of(year, 3, 4));
		MvcResult r = mvc.perform(post("/api/v1/finance/entries/" + txn + "/reversal").header("Authorization", bearer("finance1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重复报销\"}")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(201);
		long reversal = body(r).get("reversalId").asLong();
		assertThat(jdbc.sql("select sum(amount) from fin_line where txn_id in (:a, :b) and account = 'BANK'")
			.param("a", txn).param("b", reversal).query(BigDecimal.class).single()).isEqualByComparingTo("0");
		assertThat(getJson("/api/v1/finance/entries/" + txn, "finance1").get("reversedById").asLong()).isEqualTo(reversal);
		MvcResult again = mvc.perform(post("/api/v1/finance/entries/" + txn + "/reversal").header("Authorization", bearer("finance1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再次\"}")).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(again.getResponse().getContentAsString()).contains("已冲销");
		MvcResult noReason = mvc.perform(post("/api/v1/finance/entries/" + record(union, "业务支出", "1.00", LocalDate.of(year, 3, 4))
				+ "/reversal").header("Authorization", bearer("finance1")).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andReturn();
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(noReason.getResponse().getContentAsString()).contains("冲销原因");
	}

	@Test
	void anEntryOfAClosedYearIsReversedToday() throws Exception {
		long union = orgId("市财政局工会");
		long old = jdbc.sql("""
				select max(t.id) from fin_txn t where t.org_id = :o and t.txn_date < :d and t.source_type = 'DEMO'
				and not exists (select 1 from fin_txn r where r.reverses_txn_id = t.id)""")
			.param("o", union).param("d", LocalDate.of(year, 1, 1)).query(Long.class).single();
		MvcResult r = mvc.perform(post("/api/v1/finance/entries/" + old + "/reversal").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"上年差错\"}")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(r).get("reversal").get("date").asString()).isEqualTo(LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).toString());
	}

	@Test
	void aClosedYearAcceptsNoEntryAndAYearNotOverCannotBeClosed() throws Exception {
		long union = orgId("市教育局工会");
		long before = jdbc.sql("select count(*) from fin_txn").query(Long.class).single();
		assertThatThrownBy(() -> record(union, "会费收入", "10.00", LocalDate.of(year - 1, 12, 31)))
			.hasMessageContaining((year - 1) + " 年度已结账");
		assertThat(jdbc.sql("select count(*) from fin_txn").query(Long.class).single()).isEqualTo(before);
		MvcResult current = mvc.perform(post("/api/v1/finance/year-closes").header("Authorization", bearer("orgadmin2"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"orgId\":" + union + ",\"year\":" + year + "}")).andReturn();
		assertThat(current.getResponse().getStatus()).isEqualTo(422);
		assertThat(current.getResponse().getContentAsString()).contains("尚未结束");
		MvcResult again = mvc.perform(post("/api/v1/finance/year-closes").header("Authorization", bearer("orgadmin2"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"orgId\":" + union + ",\"year\":" + (year - 1) + "}")).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
	}

	@Test
	void budgetsTakeExactAmountsAndShowExecution() throws Exception {
		long union = orgId("市财政局工会");
		MvcResult bad = mvc.perform(put("/api/v1/finance/budgets").header("Authorization", bearer("finance1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orgId\":" + union + ",\"year\":" + year + ",\"category\":\"维权支出\",\"amount\":\"12.345\"}")).andReturn();
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("两位小数");
		MvcResult unknown = mvc.perform(put("/api/v1/finance/budgets").header("Authorization", bearer("finance1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orgId\":" + union + ",\"year\":" + year + ",\"category\":\"吃喝支出\",\"amount\":\"1\"}")).andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(unknown.getResponse().getContentAsString()).contains("吃喝支出").contains("不存在");
		MvcResult ok = mvc.perform(put("/api/v1/finance/budgets").header("Authorization", bearer("finance1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orgId\":" + union + ",\"year\":" + year + ",\"category\":\"RIGHTS\",\"amount\":\"20,000.00\"}")).andReturn();
		assertThat(ok.getResponse().getStatus()).isEqualTo(200);
		JsonNode rights = null;
		assertThat(new BigDecimal(body(ok).get("budgetTotal").asString())).isGreaterThanOrEqualTo(new BigDecimal("20000"));
		for (JsonNode line : body(ok).get("lines")) {
			if (line.get("code").asString().equals("RIGHTS")) {
				rights = line;
			}
		}
		assertThat(rights).isNotNull();
		assertThat(new BigDecimal(rights.get("budget").asString())).isEqualByComparingTo("20000");
		MvcResult auditor = mvc.perform(put("/api/v1/finance/budgets").header("Authorization", bearer("auditor1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orgId\":" + union + ",\"year\":" + year + ",\"category\":\"RIGHTS\",\"amount\":\"1.00\"}")).andReturn();
		assertThat(auditor.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void booksAreReadOnlyInScope() throws Exception {
		long union = orgId("市财政局工会");
		for (String user : List.of("orgadmin2", "member1", "info1")) {
			assertThat(mvc.perform(get("/api/v1/finance/journal?orgId=" + union).header("Authorization", bearer(user)))
				.andReturn().getResponse().getStatus()).as(user).isEqualTo(404);
		}
		for (String user : List.of("finance1", "orgadmin1", "group1", "admin", "auditor1")) {
			assertThat(mvc.perform(get("/api/v1/finance/journal?orgId=" + union).header("Authorization", bearer(user)))
				.andReturn().getResponse().getStatus()).as(user).isEqualTo(200);
		}
		long txn = record(union, "其他支出", "2.00", LocalDate.of(year, 4, 1));
		assertThat(mvc.perform(post("/api/v1/finance/entries/" + txn + "/reversal").header("Authorization", bearer("auditor1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(post("/api/v1/finance/entries/" + txn + "/reversal").header("Authorization", bearer("orgadmin2"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/finance/journal?orgId=" + orgId("市财政局")).header("Authorization", bearer("admin")))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void theFederationAdminAddsAndStopsCategoriesAndAStoppedOneTakesNoNewBudget() throws Exception {
		String code = "REST" + (System.nanoTime() % 100000);
		MvcResult added = mvc.perform(post("/api/v1/finance/categories").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\",\"name\":\"疗休养支出" + code + "\",\"kind\":\"EXPENSE\"}")).andReturn();
		assertThat(added.getResponse().getStatus()).isEqualTo(201);
		MvcResult duplicate = mvc.perform(post("/api/v1/finance/categories").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"DUES2\",\"name\":\"会费收入\",\"kind\":\"INCOME\"}"))
			.andReturn();
		assertThat(duplicate.getResponse().getStatus()).isEqualTo(409);
		assertThat(mvc.perform(post("/api/v1/finance/categories").header("Authorization", bearer("finance1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"ZZ\",\"name\":\"x\",\"kind\":\"INCOME\"}"))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		long union = orgId("市财政局工会");
		String budget = "{\"orgId\":" + union + ",\"year\":" + year + ",\"category\":\"" + code + "\",\"amount\":\"100\"}";
		assertThat(mvc.perform(put("/api/v1/finance/budgets").header("Authorization", bearer("finance1"))
			.contentType(MediaType.APPLICATION_JSON).content(budget)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(put("/api/v1/finance/categories/" + code).header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"active\":false}")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		MvcResult stopped = mvc.perform(put("/api/v1/finance/budgets").header("Authorization", bearer("finance1"))
			.contentType(MediaType.APPLICATION_JSON).content(budget)).andReturn();
		assertThat(stopped.getResponse().getStatus()).isEqualTo(400);
		assertThat(stopped.getResponse().getContentAsString()).contains("已停用");
	}

	@Test
	void amountsAreReadStrictly() {
		assertThat(Amounts.positive("amount", "1280.50")).isEqualByComparingTo("1280.50");
		assertThat(Amounts.positive("amount", " ￥1,280.5 ")).isEqualByComparingTo("1280.50");
		assertThat(Amounts.positive("amount", "１２.３")).isEqualByComparingTo("12.30");
		for (String bad : List.of("-1", "0", "0.00", "12.345", "abc", "", "1e3x", "9999999999999")) {
			assertThatThrownBy(() -> Amounts.positive("amount", bad)).as(bad).isInstanceOf(InvalidValueException.class);
		}
		// only control characters: compact() leaves nothing (null), which must be "missing", not an NPE (500)
		for (String invisible : List.of("\u0001", "\u0000\u0007", " \u0001 ")) {
			assertThatThrownBy(() -> Amounts.positive("amount", invisible)).isInstanceOf(InvalidValueException.class)
				.hasMessage("请填写金额")
				.satisfies(ex -> assertThat(((InvalidValueException) ex).field()).isEqualTo("amount"));
			assertThatThrownBy(() -> Amounts.nonNegative("basePay", invisible)).isInstanceOf(InvalidValueException.class)
				.hasMessage("请填写金额");
		}
		assertThatThrownBy(() -> Journal.checkBalanced(List.of(new Journal.Line("BANK", new BigDecimal("1.00")),
				new Journal.Line("DUES", new BigDecimal("-0.99"))))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aCategoryAddedByItsNameAloneGetsACodeAndThePageLeadsWithChineseNames() throws Exception {
		String name = "疗休养支出" + System.nanoTime() % 100000;
		MvcResult added = mvc.perform(post("/api/v1/finance/categories").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"kind\":\"EXPENSE\"}"))
			.andReturn();
		assertThat(added.getResponse().getStatus()).as(added.getResponse().getContentAsString()).isEqualTo(201);
		assertThat(body(added).get("code").asString()).matches("OUT_\\d{2}");
		String page = mvc.perform(MockMvcRequestBuilders.get("/finance/categories")
			.session(login("admin"))).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("RECUPERATION").contains(name);
		// each row leads with the name; the code follows it, small
		assertThat(page).containsPattern("<td><span>会费收入</span> <span class=\"[^\"]*\">DUES</span></td>");
	}
}
