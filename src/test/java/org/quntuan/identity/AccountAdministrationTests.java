package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;

class AccountAdministrationTests extends IntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	static String newUsername(String prefix) {
		return prefix + "-" + System.currentTimeMillis() % 100000 + "-" + SEQUENCE.incrementAndGet();
	}

	private MvcResult send(String method, String url, String user, Object body) throws Exception {
		var request = (method.equals("DELETE") ? delete(url) : method.equals("GET") ? get(url) : post(url))
			.header("Authorization", bearer(user));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
		}
		return mvc.perform(request).andReturn();
	}

	private int versionOf(long accountId) {
		return jdbc.sql("select version from account where id = :id").param("id", accountId).query(Integer.class).single();
	}

	/** A new account without a person, created by the federation admin; its id. */
	private long created(String username) throws Exception {
		MvcResult result = send("POST", "/api/v1/accounts", "admin", Map.of("username", username, "displayName", "测试账号"));
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		return body(result).get("id").asLong();
	}

	private MvcResult bind(String user, long accountId, String role, String orgName) throws Exception {
		return send("POST", "/api/v1/accounts/" + accountId + "/roles", user,
				Map.of("role", role, "orgId", orgId(orgName)));
	}

	private long auditEntries(long accountId) {
		return jdbc.sql("select count(*) from audit_event where object_type = 'ACCOUNT' and object_id = :id and type in ('CREATE', 'UPDATE')")
			.param("id", String.valueOf(accountId)).query(Long.class).single();
	}

	@Test
	void mobileUsernamesAreMaskedInTheListUnlessWholeIsAskedForWhichIsLogged() throws Exception {
		String mobile = jdbc.sql("""
				select a.username from account a join person p on p.id = a.person_id where a.username = p.mobile
				order by a.id fetch first 1 rows only""").query(String.class).single();
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		long views = jdbc.sql("select count(*) from audit_event where type = 'PERSONAL_DATA_VIEW' and object_type = 'ACCOUNT'")
			.query(Long.class).single();

		JsonNode page = body(send("GET", "/api/v1/accounts?q=" + mobile, "admin", null));
		assertThat(page.get("content").get(0).get("username").asString()).isEqualTo(masked);
		String html = mvc.perform(get("/accounts").param("q", mobile).session(login("admin"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(html).contains(masked + "</a>").doesNotContain(mobile + "</a>");
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'PERSONAL_DATA_VIEW' and object_type = 'ACCOUNT'")
			.query(Long.class).single()).isEqualTo(views);

		JsonNode whole = body(send("GET", "/api/v1/accounts?whole=true&q=" + mobile, "admin", null));
		assertThat(whole.get("content").get(0).get("username").asString()).isEqualTo(mobile);
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'PERSONAL_DATA_VIEW' and object_type = 'ACCOUNT'")
			.query(Long.class).single()).isEqualTo(views + 1);
		// names that are not mobiles stay as they are
		assertThat(body(send("GET", "/api/v1/accounts?q=orgadmin1", "admin", null)).get("content").get(0).get("username")
			.asString()).isEqualTo("orgadmin1");
	}

	@Test
	void theExportIsScopedLikeTheListMaskedFormulaSafeAndLogged() throws Exception {
		String mobile = jdbc.sql("""
				select a.username from account a join person p on p.id = a.person_id where a.username = p.mobile
				order by a.id fetch first 1 rows only""").query(String.class).single();
		String username = newUsername("xls");
		String formula = "=HYPERLINK(\"http://x\")";
		assertThat(send("POST", "/api/v1/accounts", "admin", Map.of("username", username, "displayName", formula))
			.getResponse().getStatus()).isEqualTo(201);
		long exports = jdbc.sql("select count(*) from audit_event where object_type = 'ACCOUNT_EXPORT'").query(Long.class)
			.single();

		MvcResult all = send("GET", "/api/v1/accounts/export", "admin", null);
		assertThat(all.getResponse().getStatus()).isEqualTo(200);
		assertThat(all.getResponse().getContentType()).contains("spreadsheetml");
		assertThat(all.getResponse().getHeader("Content-Disposition")).contains("attachment");
		List<String> names = new ArrayList<>();
		List<String> displayNames = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(all.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("账号");
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				names.add(sheet.getRow(i).getCell(0).getStringCellValue());
				displayNames.add(sheet.getRow(i).getCell(1).getStringCellValue());
			}
		}
		assertThat(displayNames.get(names.indexOf(username))).isEqualTo("'" + formula);
		long total = body(send("GET", "/api/v1/accounts?size=1", "admin", null)).get("totalElements").asLong();
		assertThat(names).hasSize((int) total)
			.contains("orgadmin1", username, mobile.substring(0, 3) + "****" + mobile.substring(7))
			.doesNotContain(mobile);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'ACCOUNT_EXPORT'").query(Long.class)
			.single()).isEqualTo(exports + 1);

		// an org admin's export holds the accounts of their list, no more
		MvcResult scoped = send("GET", "/api/v1/accounts/export", "orgadmin1", null);
		long theirs = body(send("GET", "/api/v1/accounts?size=1", "orgadmin1", null)).get("totalElements").asLong();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(scoped.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo((int) theirs).isLessThan((int) total);
		}
		assertThat(send("GET", "/api/v1/accounts/export", "member1", null).getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theFederationAdminCreatesAnAccountWithAOneTimePasswordAndBindsARole() throws Exception {
		String username = newUsername("caiwu");
		MvcResult result = send("POST", "/api/v1/accounts", "admin",
				Map.of("username", username, "displayName", "王会计", "email", "wang@example.org"));
		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		JsonNode issued = body(result);
		String password = issued.get("oneTimePassword").asString();
		assertThat(password).hasSizeGreaterThanOrEqualTo(12).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*\\d.*");
		long id = issued.get("id").asLong();
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/accounts/" + id);
		Map<String, Object> row = jdbc.sql("select password_hash, must_change_password, email from account where id = :id")
			.param("id", id).query().singleRow();
		assertThat(row.get("password_hash").toString()).doesNotContain(password).startsWith("{bcrypt}");
		assertThat(row.get("must_change_password")).isEqualTo(true);
		assertThat(row.get("email")).isEqualTo("wang@example.org");

		MvcResult bound = bind("admin", id, "FINANCE_OFFICER", "市财政局工会");
		assertThat(bound.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(bound).get("role").get("label").asString()).isEqualTo("财务人员");

		JsonNode detail = body(send("GET", "/api/v1/accounts/" + id, "admin", null));
		assertThat(detail.get("roles")).hasSize(1);
		assertThat(detail.get("roles").get(0).get("orgName").asString()).isEqualTo("市财政局工会");
		assertThat(detail.get("mustChangePassword").asBoolean()).isTrue();
		JsonNode list = body(send("GET", "/api/v1/accounts?q=" + username, "orgadmin1", null));
		assertThat(list.get("totalElements").asLong()).isEqualTo(1);
		assertThat(auditEntries(id)).isEqualTo(2);

		long bindingId = detail.get("roles").get(0).get("id").asLong();
		assertThat(send("DELETE", "/api/v1/accounts/" + id + "/roles/" + bindingId, "orgadmin1", null).getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(body(send("GET", "/api/v1/accounts/" + id, "admin", null)).get("roles")).isEmpty();
		assertThat(auditEntries(id)).isEqualTo(3);
	}

	@Test
	void anOrgAdminGrantsRolesOnlyBelowTheirOwnAndWithinTheirSubtree() throws Exception {
		long id = created(newUsername("ganshi"));
		bind("admin", id, "INFO_OFFICER", "市财政局工会");

		MvcResult federation = bind("orgadmin1", id, "FEDERATION_ADMIN", "市财政局工会");
		assertThat(federation.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(federation).get("detail").asString()).isEqualTo("只有工委管理员可以授予工委管理员角色");
		assertThat(bind("orgadmin1", id, "ORG_ADMIN", "市教育局工会").getResponse().getStatus()).isEqualTo(404);
		assertThat(bind("orgadmin1", id, "ORG_ADMIN", "市财政局").getResponse().getStatus()).isEqualTo(404);
		assertThat(bind("orgadmin1", id, "AUDITOR", "市财政局工会").getResponse().getStatus()).isEqualTo(201);
		assertThat(bind("orgadmin1", id, "AUDITOR", "市财政局工会").getResponse().getStatus()).isEqualTo(409);
		assertThat(bind("orgadmin1", id, "MEMBER", "市财政局工会").getResponse().getStatus()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from role_binding where account_id = :id").param("id", id).query(Long.class)
			.single()).isEqualTo(2);

		// another group's org admin does not even see the account
		assertThat(send("GET", "/api/v1/accounts/" + id, "orgadmin2", null).getResponse().getStatus()).isEqualTo(404);
		assertThat(send("GET", "/api/v1/accounts/" + id, "finance1", null).getResponse().getStatus()).isEqualTo(403);
		// an account holding a role above the org admin's reach is visible but not theirs to change
		bind("admin", id, "FEDERATION_ADMIN", "市直机关工委");
		MvcResult disable = send("POST", "/api/v1/accounts/" + id + "/disable", "orgadmin1", Map.of("version", versionOf(id)));
		assertThat(disable.getResponse().getStatus()).isEqualTo(403);
		// org admins create only accounts of people they administer
		MvcResult orphan = send("POST", "/api/v1/accounts", "orgadmin1", Map.of("username", newUsername("x"), "displayName", "无人员"));
		assertThat(orphan.getResponse().getStatus()).isEqualTo(422);
		MvcResult foreignPerson = send("POST", "/api/v1/accounts", "orgadmin1",
				Map.of("username", newUsername("x"), "displayName", "他人", "personId", personOf("orgadmin2")));
		assertThat(foreignPerson.getResponse().getStatus()).isEqualTo(400);
		MvcResult taken = send("POST", "/api/v1/accounts", "orgadmin1",
				Map.of("username", newUsername("x"), "displayName", "已有账号", "personId", personOf("member1")));
		assertThat(taken.getResponse().getStatus()).isEqualTo(409);
	}

	@Test
	void duplicateUsernamesAndBadInputAreRefusedInChinese() throws Exception {
		MvcResult duplicate = send("POST", "/api/v1/accounts", "admin", Map.of("username", "ADMIN", "displayName", "重复"));
		assertThat(duplicate.getResponse().getStatus()).isEqualTo(409);
		assertThat(duplicate.getResponse().getContentType()).contains("application/problem+json");
		assertThat(body(duplicate).get("detail").asString()).contains("已被使用");
		MvcResult bad = send("POST", "/api/v1/accounts", "admin", Map.of("username", "13900001111", "displayName", "手机号"));
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(bad).get("errors").get(0).get("field").asString()).isEqualTo("username");
		assertThat(send("POST", "/api/v1/accounts", "admin", Map.of("username", newUsername("y"))).getResponse().getStatus())
			.isEqualTo(400);
		assertThat(send("POST", "/api/v1/accounts", "admin",
				Map.of("username", newUsername("y"), "displayName", "邮箱", "email", "not-an-address")).getResponse()
			.getStatus()).isEqualTo(400);
		long self = jdbc.sql("select id from account where username = 'group2'").query(Long.class).single();
		MvcResult disableSelf = send("POST", "/api/v1/accounts/" + self + "/disable", "group2", Map.of("version", versionOf(self)));
		assertThat(disableSelf.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(disableSelf).get("detail").asString()).isEqualTo("不能停用自己的账号");
	}

	@Test
	void thePagesListCreateAndShowTheOneTimePasswordOnce() throws Exception {
		var session = login("admin");
		String username = newUsername("page");
		MvcResult created = mvc.perform(post("/accounts").session(session)
			.with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("username", username).param("displayName", "页面新建")).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/accounts/");
		// the flash survives the redirect in the session, once
		String page = mvc.perform(get(location).session(session)).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("一次性密码").contains("Qt-");
		String again = mvc.perform(get(location).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(again).doesNotContain("一次性密码（仅显示这一次");
		String list = mvc.perform(get("/accounts").session(session).param("q", username)).andReturn().getResponse()
			.getContentAsString();
		assertThat(list).contains(username).contains("待改初始密码");
		String home = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("nav-accounts");
		String memberHome = mvc.perform(get("/").session(login("member1"))).andReturn().getResponse().getContentAsString();
		assertThat(memberHome).doesNotContain("nav-accounts");
	}
}
