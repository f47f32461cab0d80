package org.quntuan.finance.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.finance.Amounts;
import org.quntuan.support.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** The dues pages as each role sees them: pay and lines for the finance officer, totals for the rest. */
class FinanceDuesPageTests extends IntegrationTest {

	private static final String UNION = "市财政局工会";

	private String page(MockHttpSession session, String url) throws Exception {
		MvcResult result = mvc.perform(get(url).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	@Test
	void theFinanceOfficerSeesPayAndLinesAndOthersOnlyTotals() throws Exception {
		DuesFixtures.Member member = DuesFixtures.members(jdbc, "市财政局").get(9);
		long sheet = jdbc.sql("select min(id) from fin_dues_sheet where org_id = :o and status = 'POSTED'")
			.param("o", orgId(UNION)).query(Long.class).single();
		BigDecimal base = jdbc.sql("select base_pay from fin_dues_line where sheet_id = :s and person_id = :p")
			.param("s", sheet).param("p", member.id()).query(BigDecimal.class).single();
		String shown = Amounts.format(base);

		MockHttpSession finance = login("finance1");
		assertThat(page(finance, "/finance/dues")).contains("dues-generate").contains("dues-sheets").contains(UNION);
		assertThat(page(finance, "/finance/dues/" + sheet)).contains("sheet-lines").contains(member.name()).contains(shown)
			.contains("sheet-export");
		assertThat(page(finance, "/finance/pay")).contains("pay-table").contains(member.name()).contains("pay-import");
		assertThat(page(finance, "/finance/dues/arrears")).contains("arrears-members");
		MvcResult export = mvc.perform(get("/finance/dues/" + sheet + "/export").session(finance)).andReturn();
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			assertThat(wb.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo("姓名");
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains(UNION).contains("会费收缴表");
		}

		for (String user : List.of("orgadmin1", "auditor1", "admin", "group1")) {
			MockHttpSession session = login(user);
			String html = page(session, "/finance/dues/" + sheet);
			assertThat(html).as(user).contains("sheet-totals").contains("sheet-no-lines").doesNotContain("sheet-lines")
				.doesNotContain(member.name()).doesNotContain(shown);
			assertThat(mvc.perform(get("/finance/dues/" + sheet + "/export").session(session)).andReturn().getResponse()
				.getStatus()).as(user).isEqualTo(403);
			assertThat(mvc.perform(get("/finance/pay").session(session)).andReturn().getResponse().getStatus()).as(user)
				.isEqualTo(403);
			assertThat(page(session, "/finance/dues/arrears?orgId=" + orgId(UNION))).as(user)
				.doesNotContain("arrears-members").doesNotContain(member.name());
		}
		String groupArrears = page(login("group1"), "/finance/dues/arrears?orgId=" + orgId("第一片组"));
		assertThat(groupArrears).contains("arrears-unions").contains(UNION);
		String groupSheets = page(login("group1"), "/finance/dues?orgId=" + orgId("第一片组"));
		assertThat(groupSheets).contains(UNION).doesNotContain("dues-generate");
	}

	@Test
	void aPayrollFileWithWrongRowsIsRefusedOnThePageWithEveryRowsProblem() throws Exception {
		DuesFixtures.Member a = DuesFixtures.members(jdbc, "市财政局").get(10);
		BigDecimal before = jdbc.sql("select monthly_base from fin_pay where person_id = :p").param("p", a.id())
			.query(BigDecimal.class).optional().orElse(null);
		MockMultipartFile file = DuesFixtures.payroll(DuesFixtures.PAY_HEADER, List.of(
				List.of(a.name(), a.idNumber(), "12000.00"), List.of("查无此人", "110101199003070000", "5000")));
		MockHttpSession finance = login("finance1");
		MvcResult result = mvc.perform(multipart("/finance/pay/import").file(file).param("orgId", String.valueOf(orgId(UNION)))
			.session(finance).with(csrf())).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/finance/pay?orgId=" + orgId(UNION));
		assertThat(result.getFlashMap().get("error").toString()).contains("未导入任何数据");
		assertThat(result.getFlashMap().get("importErrors")).asList().hasSize(1);
		assertThat(jdbc.sql("select monthly_base from fin_pay where person_id = :p").param("p", a.id())
			.query(BigDecimal.class).optional().orElse(null)).isEqualTo(before);

		MvcResult saved = mvc.perform(post("/finance/pay/" + a.id()).param("monthlyBase", "12000.50")
			.param("orgId", String.valueOf(orgId(UNION))).session(finance).with(csrf())).andReturn();
		assertThat(saved.getFlashMap().get("success")).isEqualTo("月工资基数已保存");
		assertThat(jdbc.sql("select monthly_base from fin_pay where person_id = :p").param("p", a.id())
			.query(BigDecimal.class).single()).isEqualTo(new BigDecimal("12000.50"));
	}
}
