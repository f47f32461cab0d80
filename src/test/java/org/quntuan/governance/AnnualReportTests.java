package org.quntuan.governance;

import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

class AnnualReportTests extends IntegrationTest {

	@Autowired
	AnnualReports reports;

	private ResultActions upload(String user, long orgId, Integer year, String reportedOn, MockMultipartFile file)
			throws Exception {
		var request = multipart("/api/v1/orgs/" + orgId + "/annual-reports").header("Authorization", bearer(user));
		if (file != null) {
			request.file(file);
		}
		if (year != null) {
			request.param("year", year.toString());
		}
		if (reportedOn != null) {
			request.param("reportedOn", reportedOn);
		}
		return mvc.perform(request);
	}

	private static MockMultipartFile pdf(String name) {
		return new MockMultipartFile("file", name, "application/pdf", MeetingTests.PDF);
	}

	private void forget(long orgId, int year) {
		jdbc.sql("delete from annual_report where org_id = :o and report_year = :y").param("o", orgId).param("y", year).update();
	}

	@Test
	void anOrgReportsOnceAYearAndMayReplaceItsReportUntilTheFederationConfirmsIt() throws Exception {
		long union = orgId("市财政局工会");
		forget(union, 2021);
		long id = body(upload("orgadmin1", union, 2021, "2021-12-20", pdf("2021年工会工作报告.pdf"))
			.andExpect(status().isCreated()).andReturn()).get("reportId").asLong();
		JsonNode again = body(upload("orgadmin1", union, 2021, "2021-12-28", pdf("2021年工会工作报告（修订）.pdf"))
			.andExpect(status().isOk()).andReturn());
		assertThat(again.get("reportId").asLong()).isEqualTo(id);
		assertThat(again.get("replaced").asBoolean()).isTrue();
		assertThat(jdbc.sql("select reported_on from annual_report where id = :id").param("id", id)
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2021, 12, 28));
		// only the federation confirms; afterwards nothing replaces it
		mvc.perform(post("/api/v1/annual-reports/" + id + "/confirm").header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/annual-reports/" + id + "/confirm").header("Authorization", bearer("admin")))
			.andExpect(status().isNoContent());
		upload("orgadmin1", union, 2021, "2021-12-29", pdf("第三版.pdf")).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/annual-reports/" + id + "/confirm").header("Authorization", bearer("admin")))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/annual-reports/" + id + "/file").header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/annual-reports/" + id + "/file").header("Authorization", bearer("orgadmin2")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aReportMustBeAPdfOrWordFileWithADateAndNothingIsKeptOtherwise() throws Exception {
		long union = orgId("市财政局工会");
		forget(union, 2022);
		upload("orgadmin1", union, 2022, "2022-12-01",
				new MockMultipartFile("file", "报告.xlsx", "application/octet-stream", MeetingTests.PDF))
			.andExpect(status().isBadRequest());
		upload("orgadmin1", union, 2022, "2022-12-01",
				new MockMultipartFile("file", "报告.txt", "text/plain", "报告".getBytes()))
			.andExpect(status().isBadRequest());
		upload("orgadmin1", union, 2022, null, pdf("报告.pdf")).andExpect(status().isBadRequest());
		upload("orgadmin1", union, 2022, "2022-12-01", null).andExpect(status().isBadRequest());
		upload("orgadmin1", union, 2022, LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(3).toString(), pdf("报告.pdf"))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select count(*) from annual_report where org_id = :o and report_year = 2022")
			.param("o", union).query(Long.class).single()).isZero();
	}

	@Test
	void nobodyReportsForAnOrgOutsideTheirScopeNorForAnOrgThatIsNoMassOrganization() throws Exception {
		upload("orgadmin1", orgId("市教育局工会"), 2023, "2023-12-01", pdf("报告.pdf")).andExpect(status().isNotFound());
		upload("group1", orgId("市教育局工会"), 2023, "2023-12-01", pdf("报告.pdf")).andExpect(status().isNotFound());
		upload("member1", orgId("市财政局工会"), 2023, "2023-12-01", pdf("报告.pdf")).andExpect(status().isForbidden());
		upload("group1", orgId("第一片组"), 2023, "2023-12-01", pdf("报告.pdf")).andExpect(status().isUnprocessableContent());
	}

	@Test
	void theBoardShowsEveryOrgInScopeWithItsStateAndFiltersByGroupAndType() throws Exception {
		long union = orgId("市财政局工会");
		forget(union, 2020);
		upload("orgadmin1", union, 2020, "2020-12-15", pdf("2020.pdf")).andExpect(status().isCreated());
		JsonNode all = body(mvc.perform(get("/api/v1/annual-reports/board?year=2020").header("Authorization", bearer("admin")))
			.andExpect(status().isOk()).andReturn());
		long massOrgs = jdbc.sql("select count(*) from org where active = true and type in ('UNION','LEAGUE','WOMEN')")
			.query(Long.class).single();
		assertThat(all.get("year").asInt()).isEqualTo(2020);
		assertThat(all.get("rows")).hasSize((int) massOrgs);
		assertThat(all.get("totals").get("orgs").asLong()).isEqualTo(massOrgs);
		assertThat(all.get("totals").get("reported").asLong() + all.get("totals").get("unreported").asLong())
			.isEqualTo(massOrgs);
		assertThat(all.get("totals").get("reported").asLong()).isGreaterThanOrEqualTo(1);
		JsonNode group = body(mvc.perform(get("/api/v1/annual-reports/board?year=2020&type=UNION&groupId=" + orgId("第一片组"))
			.header("Authorization", bearer("group1"))).andExpect(status().isOk()).andReturn());
		assertThat(group.findValuesAsString("groupName")).containsOnly("第一片组");
		assertThat(group.get("rows").findValuesAsString("code")).containsOnly("UNION");
		JsonNode own = null;
		for (JsonNode row : group.get("rows")) {
			if (row.get("orgId").asLong() == union) {
				own = row;
			}
		}
		assertThat(own.get("reported").asBoolean()).isTrue();
		assertThat(own.get("reportedOn").asString()).isEqualTo("2020-12-15");
		JsonNode mine = body(mvc.perform(get("/api/v1/annual-reports/board?year=2020").header("Authorization", bearer("orgadmin1")))
			.andReturn());
		assertThat(mine.findValuesAsString("orgName")).containsExactly("市财政局工会");
		mvc.perform(get("/api/v1/annual-reports/board").header("Authorization", bearer("member1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/annual-reports/board?groupId=" + orgId("第二片组")).header("Authorization", bearer("group1")))
			.andExpect(status().isForbidden());
		var export = mvc.perform(get("/api/v1/annual-reports/board/export?year=2020").header("Authorization", bearer("group1")))
			.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(export.getContentType()).startsWith("application/vnd.openxmlformats");
		assertThat(export.getContentAsByteArray()).startsWith('P', 'K');
	}

	@Test
	void anUploadedFileNameThatLooksLikeAFormulaIsNeutralisedInTheBoardExport() throws Exception {
		long union = orgId("市财政局工会");
		forget(union, 2016);
		upload("orgadmin1", union, 2016, "2016-12-15", pdf("=1+1(报告).pdf")).andExpect(status().isCreated());
		var export = mvc.perform(get("/api/v1/annual-reports/board/export?year=2016").header("Authorization", bearer("admin")))
			.andExpect(status().isOk()).andReturn().getResponse();
		List<String> fileNames = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("报告文件");
			for (Row row : sheet) {
				if ("市财政局工会".equals(row.getCell(1).getStringCellValue())) {
					fileNames.add(row.getCell(5).getStringCellValue());
				}
			}
		}
		assertThat(fileNames).containsExactly("'=1+1(报告).pdf");
	}

	@Test
	void theUnreportedAreRemindedThroughTheirAdminsOncePerDay() throws Exception {
		long union = orgId("市财政局工会");
		forget(union, 2019);
		JsonNode reminded = body(mvc.perform(post("/api/v1/annual-reports/remind?year=2019").header("Authorization", bearer("group1")))
			.andExpect(status().isOk()).andReturn());
		assertThat(reminded.get("orgs").asInt()).isPositive();
		reports.remindAllUnreported(2019);
		String key = "annual-report-" + union + "-2019-remind-" + LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		long orgadmin1 = jdbc.sql("select id from account where username = 'orgadmin1'").query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from notification where event_key = :k and recipient_account_id = :a")
			.param("k", key).param("a", orgadmin1).query(Long.class).single()).isEqualTo(1);
		// orgadmin2's union lies outside group1's board: not reminded by group1, but by the job
		long education = orgId("市教育局工会");
		long orgadmin2 = jdbc.sql("select id from account where username = 'orgadmin2'").query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from notification where event_key = :k and recipient_account_id = :a")
			.param("k", "annual-report-" + education + "-2019-remind-" + LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS))).param("a", orgadmin2)
			.query(Long.class).single()).isEqualTo(1);
		mvc.perform(post("/api/v1/annual-reports/remind").header("Authorization", bearer("member1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anOrgAdminReportsThroughTheBoardPage() throws Exception {
		long union = orgId("市财政局工会");
		forget(union, 2017);
		var session = login("orgadmin1");
		mvc.perform(multipart("/annual-reports/upload").file(pdf("2017年度报告.pdf")).session(session).with(csrf())
			.param("orgId", String.valueOf(union)).param("year", "2017").param("reportedOn", "2017-12-18"))
			.andExpect(status().is3xxRedirection());
		String page = mvc.perform(get("/annual-reports?year=2017").session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("2017年度报告.pdf", "2017-12-18");
	}

	@Test
	void theBoardPageOpensForAdmins() throws Exception {
		mvc.perform(get("/annual-reports").session(login("group1"))).andExpect(status().isOk());
		mvc.perform(get("/annual-reports").session(login("member1"))).andExpect(status().isForbidden());
	}

	@Test
	void theBoardShowsFiftyOrgsAPageAndCountsThemAll() throws Exception {
		var admin = login("admin");
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		long orgs = jdbc.sql("select count(*) from org where type in ('UNION', 'LEAGUE', 'WOMEN') and active = true")
			.query(Long.class).single();
		assertThat(orgs).as("the test city has more than one page").isGreaterThan(50);
		String first = mvc.perform(get("/annual-reports").session(admin)).andReturn().getResponse().getContentAsString();
		String board = first.substring(first.indexOf("id=\"annual-board\""), first.indexOf("</table>", first.indexOf("id=\"annual-board\"")));
		assertThat(board.split("<tr").length - 2).as("rows on the first page").isEqualTo(50);
		assertThat(first).contains("共 " + orgs + " 个组织").contains("page=1");
		String second = mvc.perform(get("/annual-reports").param("year", String.valueOf(year)).param("page", "1").session(admin))
			.andReturn().getResponse().getContentAsString();
		String rest = second.substring(second.indexOf("id=\"annual-board\""), second.indexOf("</table>", second.indexOf("id=\"annual-board\"")));
		assertThat(rest.split("<tr").length - 2).isEqualTo((int) Math.min(50, orgs - 50));
	}
}
