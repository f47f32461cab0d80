package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.Masking;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class MemberExportTests extends IntegrationTest {

	private byte[] export(String user, String query) throws Exception {
		return export(get("/api/v1/members/export" + query).header("Authorization", bearer(user)));
	}

	private byte[] export(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("filename*=UTF-8''").contains(".xlsx");
		return result.getResponse().getContentAsByteArray();
	}

	/** The data rows, each as its cells' text. */
	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		try (XSSFWorkbook wb = ImportFiles.open(xlsx)) {
			Sheet sheet = wb.getSheetAt(0);
			List<String> headers = new ArrayList<>();
			sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).startsWith("姓名", "性别", "年龄", "身份证号", "手机号", "所属单位", "职务");
			List<List<String>> rows = new ArrayList<>();
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < headers.size(); c++) {
					var cell = row.getCell(c);
					cells.add(cell == null ? null : new DataFormatter().formatCellValue(cell));
				}
				rows.add(cells);
			}
			return rows;
		}
	}

	@Test
	void aUnionAdminExportsExactlyTheUnionMembersOfItsOrganMasked() throws Exception {
		List<List<String>> rows = rows(export("orgadmin1", ""));
		List<Map<String, Object>> expected = jdbc.sql("""
				select p.id_number, p.mobile from person p join org o on o.id = p.organ_id
				where o.name = '市财政局' and p.union_status = 'MEMBER' and p.active = true""").query().listOfRows();
		assertThat(rows).hasSize(expected.size()).isNotEmpty();
		Set<String> ids = new HashSet<>();
		for (List<String> row : rows) {
			assertThat(row.get(5)).isEqualTo("市财政局");
			assertThat(row.get(3)).matches("\\d{3}\\*{11}[\\dX]{4}");
			assertThat(row.get(4)).matches("\\d{3}\\*{4}\\d{4}");
			ids.add(row.get(3) + "/" + row.get(4));
		}
		Set<String> masked = new HashSet<>();
		expected.forEach(r -> masked.add(Masking.keepHeadAndTail((String) r.get("id_number")) + "/"
				+ Masking.keepHeadAndTail((String) r.get("mobile"))));
		assertThat(ids).isEqualTo(masked);
	}

	@Test
	void wholeNumbersOnRequestAreLogged() throws Exception {
		String count = "select count(*) from audit_event where object_type = 'PERSON_EXPORT' and detail like '%含完整%' and actor = 'orgadmin1'";
		long before = jdbc.sql(count).query(Long.class).single();
		List<List<String>> rows = rows(export(post("/api/v1/members/export").header("Authorization", bearer("orgadmin1"))));
		Set<String> expected = new HashSet<>(jdbc.sql("""
				select p.id_number from person p join org o on o.id = p.organ_id
				where o.name = '市财政局' and p.union_status = 'MEMBER' and p.active = true""").query(String.class).list());
		Set<String> exported = new HashSet<>();
		rows.forEach(r -> exported.add(r.get(3)));
		assertThat(exported).isEqualTo(expected);
		assertThat(rows.get(0).get(4)).matches("\\d{11}");
		assertThat(jdbc.sql(count).query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void wholeNumbersAreNeverExportedByAGetSoNoLinkFromAnotherSiteStartsTheDownload() throws Exception {
		String count = "select count(*) from audit_event where object_type = 'PERSON_EXPORT' and actor = 'orgadmin1'";
		long before = jdbc.sql(count).query(Long.class).single();
		MvcResult api = mvc.perform(get("/api/v1/members/export?whole=true").header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn();
		assertThat(body(api).get("detail").asString()).contains("POST");
		MockHttpSession session = login("orgadmin1");
		MvcResult page = mvc.perform(get("/members/export").param("whole", "true").param("status", "INACTIVE").session(session))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/members?status=INACTIVE");
		assertThat(page.getResponse().getContentAsByteArray()).isEmpty();
		assertThat((String) page.getFlashMap().get("error")).contains("未导出");
		assertThat(jdbc.sql(count).query(Long.class).single()).as("nothing exported, nothing logged").isEqualTo(before);
	}

	@Test
	void thePageExportsWholeNumbersByAPostWithTheCsrfTokenOnly() throws Exception {
		MockHttpSession session = login("orgadmin1");
		String list = mvc.perform(get("/members").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(list).containsPattern("<form method=\"post\" action=\"/members/export\" id=\"member-export-whole-form\"[^>]*data-confirm=")
			.contains("name=\"_csrf\"");
		mvc.perform(post("/members/export").session(session)).andExpect(status().isForbidden());

		String count = "select count(*) from audit_event where object_type = 'PERSON_EXPORT' and detail like '%含完整%' and actor = 'orgadmin1'";
		long before = jdbc.sql(count).query(Long.class).single();
		List<List<String>> rows = rows(export(post("/members/export").param("q", "").session(session).with(csrf())));
		assertThat(rows).isNotEmpty();
		assertThat(rows.get(0).get(3)).matches("\\d{17}[\\dX]");
		assertThat(rows.get(0).get(4)).matches("\\d{11}");
		assertThat(jdbc.sql(count).query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void aCellThatLooksLikeAFormulaIsNeutralisedAndTheSearchFilterApplies() throws Exception {
		Map<String, Object> p = MemberApiTests.newPerson(orgId("市财政局"), true);
		p.put("position", "=cmd()");
		p.put("name", "公式测试");
		mvc.perform(post("/api/v1/members").header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(p))).andExpect(status().isCreated());

		List<List<String>> rows = rows(export("orgadmin1", "?q=公式测试"));

		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get(0)).isEqualTo("公式测试");
		assertThat(rows.get(0).get(6)).isEqualTo("'=cmd()");
	}

	@Test
	void whoMayNotListPeopleMayNotExportThemAndThePageExportsTheListAsFiltered() throws Exception {
		mvc.perform(get("/api/v1/members/export").header("Authorization", bearer("member1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/members/export?orgId=" + orgId("市教育局")).header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/members/export").session(login("member1"))).andExpect(status().isForbidden());

		MvcResult page = mvc.perform(get("/members/export").param("orgId", String.valueOf(orgId("第二片组")))
			.session(login("admin"))).andExpect(status().isOk()).andReturn();
		List<List<String>> rows = rows(page.getResponse().getContentAsByteArray());
		long expected = jdbc.sql("""
				select count(*) from person p join org o on o.id = p.organ_id join org g on g.id = o.parent_id
				where g.name = '第二片组' and p.active = true""").query(Long.class).single();
		assertThat(rows).hasSize((int) expected);
		assertThat(page.getResponse().getHeader("Content-Disposition")).contains("filename*=UTF-8''");
	}
}
