package org.quntuan.finance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The pages of the books: journal, entry with its reversal, the year-end close, the statement and its Excel. */
class FinancePageTests extends IntegrationTest {

	@Autowired
	Journal journal;

	@Autowired
	Categories categories;

	@Test
	void theJournalListsTheBookOfTheCallersUnionAndAnEntryCanBeReversedFromItsPage() throws Exception {
		long union = orgId("市财政局工会");
		long txn = journal.post(Journal.simple(union, LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)), categories.find("RIGHTS").orElseThrow(),
				new BigDecimal("321.09"), "市法律援助中心", "页面测试：法律咨询费", "PAGETEST", System.nanoTime(), "POST", null))
			.txnId();
		MockHttpSession finance = login("finance1");
		String page = mvc.perform(get("/finance").session(finance)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("市财政局工会").contains("页面测试：法律咨询费").contains("321.09").contains("年度结账");
		String entry = mvc.perform(get("/finance/entries/" + txn).session(finance)).andReturn().getResponse()
			.getContentAsString();
		assertThat(entry).contains("维权支出").contains("银行存款").contains("冲销本凭证");
		MvcResult missing = mvc.perform(post("/finance/entries/" + txn + "/reversal").param("reason", " ").session(finance)
			.with(csrf())).andReturn();
		assertThat(missing.getFlashMap().get("error")).isEqualTo("请填写冲销原因");
		MvcResult done = mvc.perform(post("/finance/entries/" + txn + "/reversal").param("reason", "重复记账").session(finance)
			.with(csrf())).andReturn();
		assertThat(done.getFlashMap().get("success")).isEqualTo("已冲销，冲销凭证已记账");
		String reversed = mvc.perform(get("/finance/entries/" + txn).session(finance)).andReturn().getResponse()
			.getContentAsString();
		assertThat(reversed).contains("本凭证已冲销").doesNotContain("冲销本凭证");
		String auditor = mvc.perform(get("/finance/entries/" + txn).session(login("auditor1"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(auditor).contains("维权支出").doesNotContain("reversal-form");
	}

	@Test
	void theJournalExportsEveryEntryOfThePeriodWithAmountsAsNumbersAndItsOwnBookOnly() throws Exception {
		long union = orgId("市财政局工会");
		LocalDate day = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		// a mark of this test's own entries: other tests post entries to the same book on the same day
		String mark = "账簿导出测试" + System.nanoTime() + "：";
		journal.post(Journal.simple(union, day, categories.find("RIGHTS").orElseThrow(), new BigDecimal("1234.56"),
				"=HYPERLINK(\"http://x\")", mark + "法律咨询费", "EXPORTTEST", System.nanoTime(), "POST", null));
		journal.post(Journal.simple(union, day, categories.find("RIGHTS").orElseThrow(), new BigDecimal("10.00"),
				"市法律援助中心", mark + "复印费", "EXPORTTEST", System.nanoTime(), "POST", null));
		long entries = jdbc.sql("select count(*) from fin_txn where org_id = :o and txn_date = :d").param("o", union)
			.param("d", day).query(Long.class).single();
		MvcResult excel = mvc.perform(get("/finance/export").param("orgId", String.valueOf(union))
			.param("from", day.toString()).param("to", day.toString()).session(login("finance1"))).andReturn();
		assertThat(excel.getResponse().getStatus()).isEqualTo(200);
		assertThat(excel.getResponse().getHeader("Content-Disposition")).contains("xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.getResponse().getContentAsByteArray()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("市财政局工会").contains("共 " + entries + " 张凭证");
			assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("收入（元）");
			assertThat(sheet.getLastRowNum()).as("title, header, every entry of the day, the total").isEqualTo(entries + 2);
			Map<String, Double> spentBy = new HashMap<>();
			for (int r = 2; r < sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo(day.toString());
				if (sheet.getRow(r).getCell(4).getStringCellValue().startsWith(mark)) {
					spentBy.put(sheet.getRow(r).getCell(3).getStringCellValue(), sheet.getRow(r).getCell(7).getNumericCellValue());
				}
			}
			assertThat(spentBy).containsExactlyInAnyOrderEntriesOf(
					Map.of("'=HYPERLINK(\"http://x\")", 1234.56, "市法律援助中心", 10.0));
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("合计");
		}
		assertThat(mvc.perform(get("/finance/export").param("orgId", String.valueOf(orgId("市教育局工会")))
			.session(login("finance1"))).andReturn().getResponse().getStatus()).as("another union's book").isEqualTo(404);
	}

	@Test
	void eachReaderOpensTheBookOfTheirOwnHighestOrgFirst() throws Exception {
		assertThat(openedBook("admin")).isEqualTo(orgId("市直机关工委"));
		assertThat(openedBook("group1")).isEqualTo(orgId("第一片组"));
		assertThat(openedBook("finance1")).isEqualTo(orgId("市财政局工会"));
	}

	private long openedBook(String username) throws Exception {
		MvcResult page = mvc.perform(get("/finance").session(login(username))).andReturn();
		return ((OrgSummary) page.getModelAndView().getModel().get("book")).id();
	}

	@Test
	void theStatementPageShowsTotalsAChartAndExportsToExcel() throws Exception {
		long group = orgId("第一片组");
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		String page = mvc.perform(get("/finance/statement").param("orgId", String.valueOf(group)).session(login("group1")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("收支情况表").contains("会费收入").contains("职工活动支出").contains("期末银行存款")
			.contains("statement-chart").contains("合并").contains("预算执行");
		MvcResult excel = mvc.perform(get("/finance/statement/export").param("orgId", String.valueOf(group))
			.param("year", String.valueOf(year)).session(login("group1"))).andReturn();
		assertThat(excel.getResponse().getStatus()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.getResponse().getContentAsByteArray()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("第一片组").contains("收支情况表");
			boolean found = false;
			for (var row : sheet) {
				if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("收入合计")) {
					found = row.getCell(1).getNumericCellValue() > 0;
				}
			}
			assertThat(found).as("收入合计 with an amount").isTrue();
		}
		MvcResult badMonth = mvc.perform(get("/api/v1/finance/statement").param("orgId", String.valueOf(group))
			.param("year", String.valueOf(year)).param("fromMonth", "13").header("Authorization", bearer("group1"))).andReturn();
		assertThat(badMonth.getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void closingAYearFromThePageNeedsAYearThatIsOver() throws Exception {
		long union = orgId("市教育局工会");
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		MvcResult notOver = mvc.perform(post("/finance/year-closes").param("orgId", String.valueOf(union))
			.param("year", String.valueOf(year)).session(login("orgadmin2")).with(csrf())).andReturn();
		assertThat(notOver.getFlashMap().get("error")).isEqualTo(year + " 年度尚未结束，不能结账");
		MvcResult closed = mvc.perform(post("/finance/year-closes").param("orgId", String.valueOf(union))
			.param("year", String.valueOf(year - 1)).session(login("orgadmin2")).with(csrf())).andReturn();
		assertThat(closed.getFlashMap().get("error")).isEqualTo((year - 1) + " 年度已结账");
	}

	@Test
	void eachRoleOpensTheBookOfTheOrgTheyHoldTheirRoleAt() throws Exception {
		Map<String, String> expected = Map.of("admin", "市直机关工委", "group1", "第一片组", "finance1",
				"市财政局工会", "orgadmin1", "市财政局工会");
		for (var e : expected.entrySet()) {
			String page = mvc.perform(get("/finance").session(login(e.getKey()))).andReturn().getResponse()
				.getContentAsString();
			assertThat(page).as(e.getKey()).contains("<h1 class=\"h4 m-0\"><span>" + e.getValue() + "</span>");
		}
	}
}
