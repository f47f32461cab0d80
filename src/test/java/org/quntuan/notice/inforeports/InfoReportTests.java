package org.quntuan.notice.inforeports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class InfoReportTests extends IntegrationTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) throws Exception {
		return request.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON);
	}

	private JsonNode submit(String title) throws Exception {
		MvcResult r = mvc.perform(as("info1", post("/api/v1/info-reports"))
			.content(json.writeValueAsString(Map.of("title", title, "body", "市财政局工会组织干部职工开展健步走活动，共 120 人参加。"))))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r);
	}

	private MvcResult mark(String user, long id, String status, String where) throws Exception {
		return mvc.perform(as(user, post("/api/v1/info-reports/" + id + "/mark"))
			.content(json.writeValueAsString(where == null ? Map.of("status", status, "version", versionOf(id))
					: Map.of("status", status, "where", where, "version", versionOf(id)))))
			.andReturn();
	}

	private int versionOf(long reportId) {
		return jdbc.sql("select version from info_report where id = :id").param("id", reportId).query(Integer.class)
			.optional().orElse(0);
	}

	private int year() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
	}

	@Test
	void anOfficerSubmitsAnItemWithAPhotoAndTheFederationMarksItUpToPublished() throws Exception {
		JsonNode item = submit("健步走活动" + System.nanoTime());
		long id = item.get("id").asLong();
		assertThat(item.get("organName").asString()).isEqualTo("市财政局");
		assertThat(item.get("status").get("code").asString()).isEqualTo("SUBMITTED");
		assertThat(item.get("points").asInt()).isZero();

		MvcResult photo = mvc.perform(multipart("/api/v1/info-reports/" + id + "/photos")
			.file(new MockMultipartFile("file", "现场.png", "image/png", PNG)).header("Authorization", bearer("info1")))
			.andReturn();
		assertThat(photo.getResponse().getStatus()).isEqualTo(200);
		long fileId = body(photo).get("photos").get(0).get("id").asLong();
		MvcResult wrongType = mvc.perform(multipart("/api/v1/info-reports/" + id + "/photos")
			.file(new MockMultipartFile("file", "假照片.png", "image/png", "not an image".getBytes()))
			.header("Authorization", bearer("info1"))).andReturn();
		assertThat(wrongType.getResponse().getStatus()).isEqualTo(400);

		// the organ's admin sees it and its photo; another organ's admin does not
		assertThat(mvc.perform(as("orgadmin1", get("/api/v1/info-reports/" + id))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(mvc.perform(as("orgadmin1", get("/api/v1/info-reports/" + id + "/photos/" + fileId))).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(as("orgadmin2", get("/api/v1/info-reports/" + id))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(as("orgadmin2", get("/api/v1/info-reports/" + id + "/photos/" + fileId))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);

		assertThat(body(mark("admin", id, "收到", null)).get("points").asInt()).isEqualTo(1);
		assertThat(body(mark("admin", id, "ADOPTED", null)).get("points").asInt()).isEqualTo(3);
		MvcResult noWhere = mark("admin", id, "PUBLISHED", null);
		assertThat(noWhere.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noWhere).get("detail").asString()).contains("刊发载体");
		JsonNode published = body(mark("admin", id, "PUBLISHED", "工作简报"));
		assertThat(published.get("points").asInt()).isEqualTo(5);
		assertThat(published.get("publishedWhere").asString()).isEqualTo("工作简报");
		// a status never goes down
		assertThat(mark("admin", id, "RECEIVED", null).getResponse().getStatus()).isEqualTo(422);
		// a photo cannot be added once handled
		assertThat(mvc.perform(multipart("/api/v1/info-reports/" + id + "/photos")
			.file(new MockMultipartFile("file", "晚了.png", "image/png", PNG)).header("Authorization", bearer("info1")))
			.andReturn().getResponse().getStatus()).isEqualTo(422);
	}

	@Test
	void onlyTheFederationMarksItemsAndOnlyOfficersSubmitThem() throws Exception {
		long id = submit("标记权限" + System.nanoTime()).get("id").asLong();
		for (String user : new String[] { "orgadmin1", "group1", "info1" }) {
			assertThat(mark(user, id, "RECEIVED", null).getResponse().getStatus()).as(user).isEqualTo(403);
		}
		assertThat(mark("admin", id, "NOPE", null).getResponse().getStatus()).isEqualTo(400);
		for (String user : new String[] { "orgadmin1", "member1", "admin" }) {
			assertThat(mvc.perform(as(user, post("/api/v1/info-reports"))
				.content("{\"title\":\"越权\",\"body\":\"正文\"}")).andReturn().getResponse().getStatus()).as(user)
				.isEqualTo(403);
		}
		MvcResult blank = mvc.perform(as("info1", post("/api/v1/info-reports")).content("{\"title\":\" \",\"body\":\"正文\"}"))
			.andReturn();
		assertThat(blank.getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void officersSeeTheirOwnItemsAndTheRankingCountsTheHighestStatusOfEachItem() throws Exception {
		long a = submit("排名甲" + System.nanoTime()).get("id").asLong();
		long b = submit("排名乙" + System.nanoTime()).get("id").asLong();
		JsonNode before = body(mvc.perform(as("admin", get("/api/v1/info-reports/ranking?year=" + year()))).andReturn());
		long pointsBefore = officerPoints(before, "市财政局");
		mark("admin", a, "PUBLISHED", "市直机关工委网站");
		mark("admin", b, "RECEIVED", null);
		JsonNode after = body(mvc.perform(as("admin", get("/api/v1/info-reports/ranking?year=" + year()))).andReturn());
		assertThat(officerPoints(after, "市财政局") - pointsBefore).isEqualTo(5 + 1);
		assertThat(after.get("organs").findValuesAsString("organName")).contains("市财政局");

		JsonNode mine = body(mvc.perform(as("info1", get("/api/v1/info-reports?size=200&year=" + year()))).andReturn());
		assertThat(mine.get("content").findValuesAsString("organName")).containsOnly("市财政局");
		assertThat(mvc.perform(as("info1", get("/api/v1/info-reports/ranking"))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		// a group admin's ranking holds only their group's organs
		JsonNode group2 = body(mvc.perform(as("group2", get("/api/v1/info-reports/ranking"))).andReturn());
		assertThat(group2.get("organs").findValuesAsString("organName")).doesNotContain("市财政局");

		MvcResult export = mvc.perform(as("admin", get("/api/v1/info-reports/ranking/export?year=" + year()))).andReturn();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("信息员排名");
			assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("单位排名");
			assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(1);
		}
	}

	private static long officerPoints(JsonNode ranking, String organ) {
		long sum = 0;
		for (JsonNode o : ranking.get("organs")) {
			if (o.get("organName").asString().equals(organ)) {
				sum += o.get("points").asLong();
			}
		}
		return sum;
	}

	@Test
	void theNewItemFormStartsWithAnEmptyTitleAndKeepsWhatTheOfficerTypedWhenItComesBack() throws Exception {
		MockHttpSession session = login("info1");
		String form = mvc.perform(get("/info-reports/new").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("id=\"title\"").doesNotContain("value=\"&lt;title");
		assertThat(titleInput(form)).doesNotContainPattern("value=\"[^\"]+\"");

		String returned = mvc.perform(post("/info-reports").session(session).with(csrf()).param("title", "健步走活动").param("body", ""))
			.andReturn().getResponse().getContentAsString();
		assertThat(returned).contains("请填写");
		assertThat(titleInput(returned)).contains("value=\"健步走活动\"");
	}

	private static String titleInput(String page) {
		int start = page.indexOf("<input class=\"form-control\" id=\"title\"");
		return page.substring(start, page.indexOf('>', start));
	}

	@Test
	void titlesSavedWithTheLayoutsMarkupAreCleanedAndWhatWasTypedAroundItStays() throws Exception {
		String markup = "<title th:text=\"#{info.new} + ' · ' + #{app.name}\">报送信息</title>";
		long onlyMarkup = submit("待清理" + System.nanoTime()).get("id").asLong();
		long typedAfter = submit("待清理" + System.nanoTime()).get("id").asLong();
		jdbc.sql("update info_report set title = :t where id = :id").param("t", markup).param("id", onlyMarkup).update();
		jdbc.sql("update info_report set title = :t where id = :id").param("t", markup + "健步走活动").param("id", typedAfter).update();

		String migration = new ClassPathResource("db/migration/V2026_12_05_1213__notice_info_report_title_markup.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		jdbc.sql(migration.replaceAll("(?m)^--.*$", "").strip().replaceAll(";$", "")).update();

		assertThat(titleOf(onlyMarkup)).isEqualTo("报送信息");
		assertThat(titleOf(typedAfter)).isEqualTo("健步走活动");
	}

	private String titleOf(long id) {
		return jdbc.sql("select title from info_report where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void theListExportHoldsWhatTheCallerSeesWithTheFiltersOfThePageAndTitlesThatCannotBeFormulas() throws Exception {
		String title = "=HYPERLINK(\"http://x\")-" + System.nanoTime();
		submit(title);
		long audited = jdbc.sql("select count(*) from audit_event where object_type = 'INFO_REPORT_EXPORT'")
			.query(Long.class).single();
		Sheet own = exported("orgadmin1", "SUBMITTED");
		assertThat(own.getRow(1).getCell(0).getStringCellValue()).isEqualTo("标题");
		assertThat(own.getRow(1).getCell(2).getStringCellValue()).isEqualTo("信息员");
		List<String> titles = titles(own);
		assertThat(titles).contains("'" + title);
		assertThat(titles).as("every item of the organ's list with the filter").hasSize(
				body(mvc.perform(as("orgadmin1", get("/api/v1/info-reports?year=" + year() + "&status=SUBMITTED&size=1")))
					.andReturn()).get("totalElements").asInt());
		List<String> sibling = titles(exported("orgadmin2", ""));
		assertThat(sibling).as("another organ's admin").doesNotContain("'" + title).doesNotContain(title);
		assertThat(sibling).hasSize(body(mvc.perform(as("orgadmin2", get("/api/v1/info-reports?year=" + year() + "&size=1")))
			.andReturn()).get("totalElements").asInt());
		assertThat(titles(exported("orgadmin1", "PUBLISHED"))).as("the status filter").doesNotContain("'" + title);
		assertThat(mvc.perform(get("/info-reports/export")).andReturn().getResponse().getStatus())
			.as("nobody signed in").isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'INFO_REPORT_EXPORT'")
			.query(Long.class).single()).isEqualTo(audited + 3);
	}

	private Sheet exported(String user, String status) throws Exception {
		MvcResult r = mvc.perform(get("/info-reports/export").param("year", String.valueOf(year())).param("status", status)
			.session(login(user))).andReturn();
		assertThat(r.getResponse().getStatus()).as(user).isEqualTo(200);
		assertThat(r.getResponse().getHeader("Content-Disposition")).contains("xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetName(0)).isEqualTo("信息报送");
			return book.getSheetAt(0);
		}
	}

	private static List<String> titles(Sheet sheet) {
		List<String> titles = new ArrayList<>();
		for (int r = 2; r <= sheet.getLastRowNum(); r++) {
			titles.add(sheet.getRow(r).getCell(0).getStringCellValue());
		}
		return titles;
	}
}
