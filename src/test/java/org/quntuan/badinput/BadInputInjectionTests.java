package org.quntuan.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Script and SQL typed into every text field: kept exactly as typed, shown escaped on the pages,
 * never run; LIKE wildcards in a search match themselves.
 */
class BadInputInjectionTests extends BadInputTest {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

	static final String SQL = "x'); drop table person; --";

	static final String IMG = "<img src=x onerror=alert(2)>";

	private String page(MockHttpSession session, String url) throws Exception {
		MvcResult result = mvc.perform(get(url).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private static void assertEscaped(String html, String escaped) {
		assertThat(html).contains(escaped).doesNotContain(SCRIPT, IMG);
	}

	private long apiCreate(String user, Map<String, Object> person) throws Exception {
		MvcResult result = mvc.perform(post("/api/v1/members").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(person))).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		return body(result).get("id").asLong();
	}

	private String column(String table, String column, long id) {
		return jdbc.sql("select " + column + " from " + table + " where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void orgNamesAndMoveReasonsAreStoredVerbatimAndShownEscaped() throws Exception {
		MockHttpSession admin = login("admin");
		long union = orgId("市财政局工会");
		mvc.perform(post("/orgs/" + union + "/children").session(admin).with(csrf()).param("type", "CLUB").param("name", SCRIPT));
		long club = jdbc.sql("select id from org where name = :n and parent_id = :p").param("n", SCRIPT).param("p", union)
			.query(Long.class).single();
		assertEscaped(page(admin, "/orgs/" + club), ESCAPED);

		mvc.perform(post("/orgs/" + club + "/rename").session(admin).with(csrf()).param("name", SQL + IMG)
			.param("version", String.valueOf(orgVersion(club))));
		assertThat(orgName(club)).isEqualTo(SQL + IMG);
		assertEscaped(page(admin, "/orgs/" + club), "&lt;img src=x onerror=alert(2)&gt;");
		assertThat(page(admin, "/orgs")).doesNotContain(IMG, SCRIPT);

		mvc.perform(post("/orgs/" + club + "/move").session(admin).with(csrf()).param("newParentId",
				String.valueOf(orgId("市教育局工会"))).param("reason", SCRIPT + SQL).param("version", String.valueOf(orgVersion(club))));
		assertThat(jdbc.sql("select reason from org_affiliation_change where org_id = :id").param("id", club)
			.query(String.class).single()).isEqualTo(SCRIPT + SQL);
		assertEscaped(page(admin, "/orgs/" + club), ESCAPED);
		// the audit log shows what was typed, escaped too
		assertEscaped(page(admin, "/audit?objectType=ORG&objectId=" + club), ESCAPED);
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isPositive();
	}

	@Test
	void personFieldsAndReasonsAreStoredVerbatimAndShownEscaped() throws Exception {
		Map<String, Object> p = newPerson(orgId("市财政局"));
		p.put("name", SCRIPT);
		p.put("position", SQL + IMG);
		long id = apiCreate("admin", p);
		assertThat(column("person", "name", id)).isEqualTo(SCRIPT);
		assertThat(column("person", "position", id)).isEqualTo(SQL + IMG);

		MockHttpSession admin = login("admin");
		String detail = page(admin, "/members/" + id);
		assertEscaped(detail, ESCAPED);
		assertThat(detail).contains("&lt;img src=x onerror=alert(2)&gt;");
		String list = mvc.perform(get("/members").session(admin).param("q", "<script")).andReturn().getResponse()
			.getContentAsString();
		assertThat(list).contains(ESCAPED).doesNotContain(SCRIPT, "<script>");

		mvc.perform(post("/members/" + id + "/transfer").session(admin).with(csrf())
			.param("toOrganId", String.valueOf(orgId("市教育局"))).param("reason", SCRIPT).param("version", "0"));
		assertThat(jdbc.sql("select count(*) from person_organ_history where person_id = :id and reason = :r")
			.param("id", id).param("r", SCRIPT).query(Long.class).single()).isEqualTo(1);
		mvc.perform(post("/members/" + id + "/leave").session(admin).with(csrf()).param("type", "RETIRED")
			.param("reason", IMG + SQL).param("version", "1"));
		assertThat(jdbc.sql("select count(*) from person_organ_history where person_id = :id and end_reason = :r")
			.param("id", id).param("r", IMG + SQL).query(Long.class).single()).isEqualTo(1);
		String after = page(admin, "/members/" + id);
		assertEscaped(after, ESCAPED);
		assertThat(after).contains("&lt;img src=x onerror=alert(2)&gt;");
	}

	@Test
	void importedCellsAreStoredVerbatim() throws Exception {
		Map<String, Object> p = newPerson(orgId("市财政局"));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("人员");
			List<String> headers = List.of("姓名", "身份证号", "手机号", "所属单位", "职务");
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue(IMG);
			row.createCell(1).setCellValue((String) p.get("idNumber"));
			row.createCell(2).setCellValue((String) p.get("mobile"));
			row.createCell(3).setCellValue("市财政局");
			row.createCell(4).setCellValue(SQL);
			workbook.write(bytes);
		}
		MvcResult result = mvc.perform(multipart("/api/v1/members/import")
			.file(new MockMultipartFile("file", "人员.xlsx", null, bytes.toByteArray()))
			.header("Authorization", bearer("admin"))).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		Map<String, Object> stored = jdbc.sql("select id, name, position from person where id_number = :n")
			.param("n", p.get("idNumber")).query().singleRow();
		assertThat(stored.get("name")).isEqualTo(IMG);
		assertThat(stored.get("position")).isEqualTo(SQL);
		assertEscaped(page(login("admin"), "/members/" + stored.get("id")), "&lt;img src=x onerror=alert(2)&gt;");
	}

	@Test
	void likeWildcardsInASearchMatchOnlyThemselves() throws Exception {
		long organ = orgId("市财政局");
		for (String name : List.of("百分%号", "百分甲号", "下划_线", "下划乙线")) {
			Map<String, Object> p = newPerson(organ);
			p.put("name", name);
			apiCreate("admin", p);
		}
		assertThat(search("百分%")).containsExactly("百分%号");
		assertThat(search("下划_")).containsExactly("下划_线");
		assertThat(search("%")).isEmpty();
		assertThat(search("_")).isEmpty();
		assertThat(search("\\")).isEmpty();
		assertThat(search("' or '1'='1")).isEmpty();
		assertThat(jdbc.sql("select count(*) from person where name = '百分甲号'").query(Long.class).single()).isEqualTo(1);
	}

	private List<String> search(String q) throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/members").param("q", q).param("size", "200")
			.header("Authorization", bearer("admin"))).andReturn();
		assertThat(result.getResponse().getStatus()).as(q).isEqualTo(200);
		JsonNode page = body(result);
		return page.get("content").findValuesAsString("name");
	}
}
