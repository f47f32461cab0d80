package org.quntuan.audit;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
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

/**
 * The audit log as its readers see it: the federation admin everything, an org admin the events of
 * their scope and their own actions, everyone else nothing.
 */
class AuditLogViewerTests extends IntegrationTest {

	@Autowired
	private AuditLog audit;

	private long personIn(String organ) {
		return jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = :organ and p.union_status = 'MEMBER' and p.active = true
				  and not exists (select 1 from account a where a.person_id = p.id and a.username <> p.mobile)
				order by p.id fetch first 1 rows only""").param("organ", organ).query(Long.class).single();
	}

	/** A whole view of a person's record, which the member module writes to the log. */
	private void view(String viewer, long person) throws Exception {
		assertThat(mvc.perform(get("/api/v1/members/" + person).header("Authorization", bearer(viewer))).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
	}

	private MvcResult list(String user, String query) throws Exception {
		return mvc.perform(get("/api/v1/audit-log?" + query).header("Authorization", bearer(user))).andReturn();
	}

	private JsonNode entries(String user, String query) throws Exception {
		MvcResult result = list(user, query);
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return body(result);
	}

	private static List<String> actors(JsonNode page) {
		List<String> actors = new ArrayList<>();
		page.get("content").forEach(e -> actors.add(e.get("actor").asString()));
		return actors;
	}

	@Test
	void theFederationAdminSeesAnEventOfAnotherOrganWithTimeTypeAndObject() throws Exception {
		long person = personIn("市教育局");
		view("admin", person);
		JsonNode page = entries("admin", "type=PERSONAL_DATA_VIEW&objectType=PERSON&objectId=" + person);
		assertThat(page.get("totalElements").asLong()).isPositive();
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.has("size") && page.has("totalPages")).isTrue();
		JsonNode e = page.get("content").get(0);
		assertThat(e.get("type").get("code").asString()).isEqualTo("PERSONAL_DATA_VIEW");
		assertThat(e.get("type").get("label").asString()).isEqualTo("查看个人信息");
		assertThat(e.get("actor").asString()).isEqualTo("admin");
		assertThat(e.get("objectType").asString()).isEqualTo("PERSON");
		assertThat(e.get("objectId").asString()).isEqualTo(String.valueOf(person));
		assertThat(e.get("result").asString()).isEqualTo("SUCCESS");
		assertThat(e.get("ip").asString()).isNotBlank();
		assertThat(e.get("detail").asString()).startsWith("查看完整身份证号和手机号");
		String at = e.get("occurredAt").asString();
		assertThat(at).endsWith("+08:00");
		assertThat(OffsetDateTime.parse(at)).isAfter(OffsetDateTime.now(TestClock.CLOCK).minusMinutes(5));
	}

	@Test
	void anOrgAdminSeesTheEventsOfTheirOrganAndTheirOwnButNotThoseOfAnotherOrgan() throws Exception {
		long finance = personIn("市财政局");
		long education = personIn("市教育局");
		view("admin", finance);
		view("admin", education);
		view("orgadmin1", finance);

		JsonNode own = entries("orgadmin1", "objectType=PERSON&objectId=" + finance);
		assertThat(actors(own)).contains("admin", "orgadmin1");
		JsonNode other = entries("orgadmin1", "objectType=PERSON&objectId=" + education);
		assertThat(other.get("totalElements").asLong()).isZero();

		// nowhere in the whole list either: every event is of 市财政局 or orgadmin1's own
		String financePath = path("市财政局");
		JsonNode all = entries("orgadmin1", "size=200");
		assertThat(all.get("totalElements").asLong()).isPositive();
		for (JsonNode e : all.get("content")) {
			long id = e.get("id").asLong();
			String orgPath = jdbc.sql("select org_path from audit_event where id = :id").param("id", id).query(String.class)
				.optional().orElse(null);
			assertThat(e.get("actor").asString().equals("orgadmin1") || (orgPath != null && orgPath.startsWith(financePath)))
				.as("event %s at %s by %s", id, orgPath, e.get("actor")).isTrue();
		}
		// a 片组 admin sees the organs of their group, not those of another group
		assertThat(entries("group1", "objectType=PERSON&objectId=" + finance).get("totalElements").asLong()).isPositive();
		assertThat(entries("group1", "objectType=PERSON&objectId=" + education).get("totalElements").asLong()).isZero();
	}

	private String path(String org) {
		return jdbc.sql("select path from org where name = :n").param("n", org).query(String.class).single();
	}

	@Test
	void signInsAreRecordedWhereTheAccountIsBound() throws Exception {
		login("orgadmin1");
		String recorded = jdbc.sql("""
				select org_path from audit_event where type = 'LOGIN_SUCCESS' and actor = 'orgadmin1'
				order by id desc fetch first 1 rows only""").query(String.class).single();
		assertThat(recorded).isEqualTo(path("市财政局工会"));
		assertThat(actors(entries("orgadmin1", "type=LOGIN_SUCCESS&size=200"))).contains("orgadmin1")
			.doesNotContain("group2", "orgadmin2");
	}

	@Test
	void filtersByTypeCodeOrLabelDateRangeAndActor() throws Exception {
		long person = personIn("市财政局");
		view("group1", person);
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		String object = "&objectType=PERSON&objectId=" + person;

		JsonNode byLabel = entries("admin", "type=查看个人信息&actor=group1&from=" + today + "&to=" + today + object);
		assertThat(byLabel.get("totalElements").asLong()).isPositive();
		byLabel.get("content").forEach(e -> {
			assertThat(e.get("type").get("code").asString()).isEqualTo("PERSONAL_DATA_VIEW");
			assertThat(e.get("actor").asString()).isEqualTo("group1");
		});
		assertThat(entries("admin", "type=LOGIN_SUCCESS" + object).get("totalElements").asLong()).isZero();
		assertThat(entries("admin", "actor=group2" + object).get("totalElements").asLong()).isZero();
		assertThat(entries("admin", "from=" + today.plusDays(1) + object).get("totalElements").asLong()).isZero();
		assertThat(entries("admin", "to=" + today.minusDays(1) + object).get("totalElements").asLong()).isZero();
		String inAnHour = OffsetDateTime.now(TestClock.CLOCK.withZone(ZoneOffset.UTC)).plusHours(1).toString();
		assertThat(entries("admin", "from=" + inAnHour + object).get("totalElements").asLong()).isZero();
		assertThat(entries("admin", "to=" + inAnHour + object).get("totalElements").asLong()).isPositive();

		// newest first
		JsonNode latest = entries("admin", "size=50");
		List<OffsetDateTime> times = new ArrayList<>();
		latest.get("content").forEach(e -> times.add(OffsetDateTime.parse(e.get("occurredAt").asString())));
		for (int i = 1; i < times.size(); i++) {
			assertThat(times.get(i)).isBeforeOrEqualTo(times.get(i - 1));
		}
	}

	@Test
	void aBadTypeOrDateIsAChineseProblem() throws Exception {
		for (String query : List.of("type=NO_SUCH_TYPE", "from=2026-13-45", "to=yesterday", "from=2026-11-27&to=2026-11-01",
				"from=2026-11-27T25:00", "page=-1", "size=100000", "page=abc")) {
			MvcResult result = list("admin", query);
			assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
			assertThat(result.getResponse().getContentType()).as(query).contains("application/problem+json");
			assertThat(body(result).get("detail").asString()).as(query).matches(".*\\p{IsHan}.*");
		}
		assertThat(body(list("admin", "type=NO_SUCH_TYPE")).get("detail").asString()).contains("事件类型");
		assertThat(body(list("admin", "from=2026-13-45")).get("detail").asString()).contains("开始时间无效");
	}

	@Test
	void othersThanAdminsAreRefused() throws Exception {
		for (String user : List.of("member1", "finance1", "auditor1", "info1")) {
			assertThat(list(user, "").getResponse().getStatus()).as(user).isEqualTo(403);
			// refused before the filters are even looked at
			assertThat(list(user, "type=NO_SUCH_TYPE").getResponse().getStatus()).as(user).isEqualTo(403);
		}
		assertThat(mvc.perform(get("/api/v1/audit-log/export").header("Authorization", bearer("member1"))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/api/v1/audit-log")).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void theExportHoldsTheFilteredRowsWithFormulasNeutralised() throws Exception {
		// an unknown user's failed sign-in no longer records what was typed; an actor that holds a formula
		// (an old entry, say) is what the export must neutralise
		String typed = "=HYPERLINK(\"x\")" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/login").with(csrf()).param("username", typed).param("password", "nope"));
		assertThat(jdbc.sql("select count(*) from audit_event where actor = :a").param("a", typed).query(Long.class)
			.single()).isZero();
		audit.recordIndependently(AuditType.LOGIN_FAILURE, null, typed, "ACCOUNT", null, AuditLog.FAILURE, "账号不存在");
		JsonNode page = body(mvc.perform(get("/api/v1/audit-log").param("type", "LOGIN_FAILURE").param("actor", typed)
			.header("Authorization", bearer("admin"))).andReturn());
		assertThat(page.get("totalElements").asLong()).isEqualTo(1);

		MvcResult result = mvc.perform(get("/api/v1/audit-log/export").param("type", "LOGIN_FAILURE").param("actor", typed)
			.header("Authorization", bearer("admin"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).contains("spreadsheetml");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时间");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			Row row = sheet.getRow(1);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("登录失败");
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'" + typed);
			assertThat(row.getCell(6).getStringCellValue()).isEqualTo("失败");
		}
		// an org admin's export holds only what they may see: the unknown user's attempt is no one's org
		MvcResult scoped = mvc.perform(get("/api/v1/audit-log/export").param("type", "LOGIN_FAILURE").param("actor", typed)
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(scoped.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
		}
	}

	@Test
	void anActorThatIsAMobileIsMaskedOnThePageTheApiAndTheExport() throws Exception {
		String mobile = jdbc.sql("""
				select a.username from account a join person p on p.id = a.person_id where a.username = p.mobile
				order by a.id fetch first 1 rows only""").query(String.class).single();
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		String detail = "mask-" + UUID.randomUUID();
		audit.recordIndependently(AuditType.LOGIN_FAILURE, null, mobile, "ACCOUNT", null, AuditLog.FAILURE, detail);
		JsonNode page = body(mvc.perform(get("/api/v1/audit-log").param("actor", mobile)
			.header("Authorization", bearer("admin"))).andReturn());
		assertThat(page.get("content").get(0).get("actor").asString()).isEqualTo(masked);
		String html = mvc.perform(get("/audit").param("actor", mobile).session(login("admin"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(html).contains(detail, "<td>" + masked + "</td>").doesNotContain("<td>" + mobile + "</td>");
		MvcResult export = mvc.perform(get("/api/v1/audit-log/export").param("actor", mobile)
			.header("Authorization", bearer("admin"))).andReturn();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo(masked);
		}
	}

	@Test
	void thePageFiltersAndShowsTheHeaderLinkOnlyToAdmins() throws Exception {
		MockHttpSession admin = login("orgadmin1");
		String html = mvc.perform(get("/audit").session(admin).param("type", "LOGIN_SUCCESS")).andReturn().getResponse()
			.getContentAsString();
		assertThat(html).contains("审计日志", "id=\"nav-audit\"", "登录成功", "orgadmin1", "180 天");
		assertThat(html).doesNotContain("<style", "style=\"", "onclick");
		MvcResult bad = mvc.perform(get("/audit").session(admin).param("from", "2026-02-30")).andReturn();
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("开始时间无效");
		MvcResult export = mvc.perform(get("/audit/export").session(admin).param("type", "LOGIN_SUCCESS")).andReturn();
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(export.getResponse().getContentType()).contains("spreadsheetml");

		MockHttpSession member = login("member1");
		assertThat(mvc.perform(get("/audit").session(member)).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/").session(member)).andReturn().getResponse().getContentAsString())
			.doesNotContain("nav-audit");
	}
}
