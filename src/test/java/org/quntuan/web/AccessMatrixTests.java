package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role × endpoint access test. Every page and API endpoint of the running application must
 * have a rule here, or the test fails; each rule says, for every demo role, which status the
 * endpoint answers for an object of the caller's own org, of a child org and of a sibling org.
 * <p>
 * Writes are sent with a stale version or an incomplete body, so that a caller who is let through
 * gets 400/409 (or a page redirect) and nothing changes, while one who is not gets 403 or 404.
 */
class AccessMatrixTests extends IntegrationTest {

	enum Relation { OWN, CHILD, SIBLING, NONE }

	static final List<String> USERS = List.of("admin", "group1", "orgadmin1", "finance1", "auditor1", "info1", "member1",
			"anonymous");

	/** method + pattern → body → per user, per relation, the expected status. */
	record Rule(String body, Map<String, Map<Relation, Integer>> expected) {
	}

	/** Listed, so the endpoint counts as covered, but not sent here; the comment at the rule says where it is tested. */
	static final int SKIPPED = 999;

	private final Map<String, Rule> rules = new LinkedHashMap<>();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Notifications notifications;

	/** "admin own=200 child=200; group1 own=200 sibling=404; …" */
	private void rule(String endpoint, String body, String table) {
		Map<String, Map<Relation, Integer>> expected = new LinkedHashMap<>();
		for (String row : table.split(";")) {
			String[] parts = row.strip().split("\\s+");
			Map<Relation, Integer> byRelation = new LinkedHashMap<>();
			for (int i = 1; i < parts.length; i++) {
				String[] kv = parts[i].split("=");
				byRelation.put(Relation.valueOf(kv[0].toUpperCase()), Integer.valueOf(kv[1]));
			}
			expected.put(parts[0], byRelation);
		}
		assertThat(expected.keySet()).as(endpoint).containsExactlyInAnyOrderElementsOf(USERS);
		rules.put(endpoint, new Rule(body, expected));
	}

	/** The same status for every signed-in role, 401 or a login redirect for anonymous callers. */
	private void everyone(String endpoint, String body, int status, int anonymous) {
		StringBuilder sb = new StringBuilder();
		USERS.forEach(u -> sb.append(u).append(" none=").append(u.equals("anonymous") ? anonymous : status).append(';'));
		rule(endpoint, body, sb.toString());
	}

	private void defineRules() {
		// public
		for (String e : List.of("GET /login", "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config",
				"GET /swagger-ui.html")) {
			everyone(e, null, e.equals("GET /swagger-ui.html") ? 302 : 200, e.equals("GET /swagger-ui.html") ? 302 : 200);
		}
		everyone("GET /api/v1/ping", null, 200, 200);
		// self-service: the owner only, so there is no other object to try
		everyone("POST /api/v1/me/password", "{\"currentPassword\":\"wrong\",\"newPassword\":\"x\"}", 400, 401);
		everyone("GET /me", null, 200, 302);
		everyone("GET /consent", null, 200, 302);
		everyone("POST /consent", "agree=false", 302, 302);
		everyone("GET /api/v1/me/consents", null, 200, 401);
		everyone("POST /api/v1/me/consents", "{\"kind\":\"NOPE\",\"given\":true}", 400, 401);
		// acts on the caller's own consent only and would gate the rest of this run: ConsentTests covers it
		everyone("POST /me/consents/withdraw", null, SKIPPED, SKIPPED);
		// a bad number: 400 for people, 422 for accounts without a person (admin)
		rule("POST /api/v1/me/mobile/code", "{\"mobile\":\"123\"}", "admin none=422; group1 none=400; orgadmin1 none=400;"
				+ " finance1 none=400; auditor1 none=400; info1 none=400; member1 none=400; anonymous none=401");
		rule("POST /api/v1/me/mobile", "{\"mobile\":\"123\",\"code\":\"1\"}", "admin none=422; group1 none=400;"
				+ " orgadmin1 none=400; finance1 none=400; auditor1 none=400; info1 none=400; member1 none=400; anonymous none=401");
		everyone("POST /me/mobile/code", "mobile=123", 302, 302);
		everyone("POST /me/mobile", "mobile=123&code=1", 302, 302);
		everyone("POST /me/password", "currentPassword=wrong&newPassword=x&confirmPassword=x", 302, 302);
		everyone("POST /api/v1/auth/password-reset/code", "{\"username\":\"nobody-at-all\"}", 200, 200);
		everyone("POST /api/v1/auth/password-reset", "{\"username\":\"nobody-at-all\",\"code\":\"1\"}", 400, 400);
		everyone("GET /password/forgot", null, 200, 200);
		everyone("POST /password/forgot", "username=nobody-at-all", 200, 200);
		everyone("POST /password/reset", "username=nobody-at-all&code=1", 200, 200);
		everyone("POST /api/v1/auth/token", "{\"username\":\"nobody\",\"password\":\"x\"}", 401, 401);
		everyone("* /error", null, SKIPPED, SKIPPED);
		// signed in
		everyone("GET /", null, 200, 302);
		everyone("GET /orgs", null, 200, 302);
		everyone("GET /api/v1/orgs/tree", null, 200, 401);
		everyone("GET /api/v1/me", null, 200, 401);

		String orgRead = "admin own=200 child=200; group1 own=200 child=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=200 sibling=404; auditor1 own=200 child=200; info1 own=200 child=200 sibling=404;"
				+ " member1 own=200 child=200 sibling=404; anonymous own=%d";
		rule("GET /api/v1/orgs/{id}", null, orgRead.formatted(401));
		rule("GET /orgs/{id}", null, orgRead.formatted(302));

		// org writes: allowed callers reach the version check (409) or the type check (400)
		String orgWrite = "admin own=%1$d child=%1$d; group1 own=%1$d child=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=403 child=403; info1 own=403 child=403 sibling=404;"
				+ " member1 own=403 child=403 sibling=404; anonymous own=%2$d";
		rule("PUT /api/v1/orgs/{id}", "{\"name\":\"改名\",\"version\":-1}", orgWrite.formatted(409, 401));
		// deactivating an org that still has sub-orgs is refused before the version is looked at
		rule("POST /api/v1/orgs/{id}/deactivate", "{\"version\":-1}",
				"admin own=422 child=422; group1 own=422 child=422 sibling=404; orgadmin1 own=409 sibling=404;"
						+ " finance1 own=403 sibling=404; auditor1 own=403 child=403; info1 own=403 child=403 sibling=404;"
						+ " member1 own=403 child=403 sibling=404; anonymous own=401");
		rule("POST /api/v1/orgs", "{\"parentId\":{id},\"type\":\"NOPE\",\"name\":\"x\"}", orgWrite.formatted(400, 401));
		// moving needs a grant strictly above the org: nobody may move their own binding org
		rule("POST /api/v1/orgs/{id}/move", "{\"newParentId\":{id},\"reason\":\"测试\",\"version\":-1}",
				"admin own=403 child=422; group1 own=403 child=422 sibling=404; orgadmin1 own=403 sibling=404;"
						+ " finance1 own=403 sibling=404; auditor1 own=403 child=403; info1 own=403 child=403 sibling=404;"
						+ " member1 own=403 child=403 sibling=404; anonymous own=401");
		String orgPageWrite = orgWrite.formatted(302, 302);
		rule("POST /orgs/{id}/rename", "name=改名&version=-1", orgPageWrite);
		rule("POST /orgs/{id}/deactivate", "version=-1", orgPageWrite);
		rule("POST /orgs/{id}/children", "type=NOPE&name=x", orgPageWrite);
		rule("POST /orgs/{id}/move", "newParentId={id}&reason=测试&version=-1",
				"admin own=403 child=302; group1 own=403 child=302 sibling=404; orgadmin1 own=403 sibling=404;"
						+ " finance1 own=403 sibling=404; auditor1 own=403 child=403; info1 own=403 child=403 sibling=404;"
						+ " member1 own=403 child=403 sibling=404; anonymous own=302");

		// people: admins in scope, and everyone for their own record
		String peopleList = "admin none=200; group1 none=200; orgadmin1 none=200; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%d";
		rule("GET /api/v1/members", null, peopleList.formatted(401));
		rule("GET /members", null, peopleList.formatted(302));
		rule("GET /members/table", null, peopleList.formatted(302));
		rule("GET /members/new", null, peopleList.formatted(302));
		rule("GET /members/picker", null, peopleList.formatted(302));
		rule("POST /api/v1/members", "{}", peopleList.formatted(401).replace("=200", "=400"));
		rule("POST /members", "name=", peopleList.formatted(302));
		// Excel: admins only; an import without a file is 400 (a page redirect) for admins, 403 before the file for others
		rule("GET /api/v1/members/import-template", null, peopleList.formatted(401));
		rule("GET /members/import/template", null, peopleList.formatted(302));
		rule("GET /members/import", null, peopleList.formatted(302));
		rule("POST /api/v1/members/import", null, peopleList.formatted(401).replace("=200", "=400"));
		for (String e : List.of("POST /members/import", "POST /members/import/confirm", "POST /members/import/cancel")) {
			rule(e, null, peopleList.formatted(302).replace("=200", "=302"));
		}
		rule("GET /api/v1/members/export", null, peopleList.formatted(401));
		rule("GET /members/export", null, peopleList.formatted(302));
		// the audit log: the federation admin and org admins (each their scope); AUDITOR is a funds auditor, not a reader
		rule("GET /api/v1/audit-log", null, peopleList.formatted(401));
		rule("GET /api/v1/audit-log/export", null, peopleList.formatted(401));
		rule("GET /audit", null, peopleList.formatted(302));
		rule("GET /audit/export", null, peopleList.formatted(302));
		String personRead = "admin own=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404; finance1 own=404 sibling=404;"
				+ " auditor1 own=404; info1 own=404 sibling=404; member1 own=200 sibling=404; anonymous own=%d";
		rule("GET /api/v1/members/{id}", null, personRead.formatted(401));
		rule("GET /members/{id}", null, personRead.formatted(302));
		String personWrite = "admin own=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404; finance1 own=403 sibling=403;"
				+ " auditor1 own=403; info1 own=403 sibling=403; member1 own=403 sibling=403; anonymous own=%2$d";
		rule("PUT /api/v1/members/{id}", "{}", personWrite.formatted(400, 401));
		rule("GET /members/{id}/edit", null, "admin own=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404; info1 own=404 sibling=404; member1 own=403 sibling=404;"
				+ " anonymous own=302");
		rule("POST /members/{id}", "name=", personWrite.formatted(200, 302));
		rule("POST /api/v1/members/{id}/transfer", "{}", personWrite.formatted(400, 401));
		rule("POST /api/v1/members/{id}/leave", "{}", personWrite.formatted(400, 401));
		rule("POST /members/{id}/transfer", "reason=", personWrite.formatted(302, 302));
		rule("POST /members/{id}/leave", "reason=", personWrite.formatted(302, 302));

		// inbox: every signed-in user reads and marks their own notifications, never another's ("sibling")
		everyone("GET /api/v1/inbox", null, 200, 401);
		everyone("GET /inbox", null, 200, 302);
		everyone("POST /api/v1/inbox/read-all", null, 200, 401);
		everyone("POST /inbox/read-all", null, 302, 302);
		String othersNotification = "admin sibling=404; group1 sibling=404; orgadmin1 sibling=404; finance1 sibling=404;"
				+ " auditor1 sibling=404; info1 sibling=404; member1 sibling=404; anonymous sibling=%d";
		rule("POST /api/v1/inbox/{id}/read", null, othersNotification.formatted(401));
		rule("POST /inbox/{id}/read", null, othersNotification.formatted(302));

		// accounts: admins only; own = member1's account (in every admin's reach), sibling = orgadmin2's (the
		// federation admin's only). Writes carry a stale version or an incomplete body: 400/409 or a redirect.
		String adminsOnly = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/accounts", null, adminsOnly.formatted(200, 401));
		rule("GET /accounts", null, adminsOnly.formatted(200, 302));
		rule("GET /accounts/new", null, adminsOnly.formatted(200, 302));
		rule("POST /api/v1/accounts", "{}", adminsOnly.formatted(400, 401));
		rule("POST /accounts", "username=", adminsOnly.formatted(200, 302));
		String account = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=403; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%2$d";
		rule("GET /api/v1/accounts/{id}", null, account.formatted(200, 401));
		rule("GET /accounts/{id}", null, account.formatted(200, 302));
		rule("POST /api/v1/accounts/{id}/roles", "{}", account.formatted(400, 401));
		rule("POST /accounts/{id}/roles", "role=", account.formatted(302, 302));
		for (String e : List.of("disable", "enable", "reset-password")) {
			rule("POST /api/v1/accounts/{id}/" + e, "{\"version\":-1}", account.formatted(409, 401));
			rule("POST /accounts/{id}/" + e, "version=-1", account.formatted(302, 302));
		}
		// {bindingId} is orgadmin2's own binding: not one of member1's accounts (404); never sent for the admin on sibling
		String binding = "admin own=404; group1 own=404 sibling=404; orgadmin1 own=404 sibling=404;"
				+ " finance1 own=403 sibling=403; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%d";
		rule("DELETE /api/v1/accounts/{id}/roles/{bindingId}", null, binding.formatted(401));
		rule("POST /accounts/{id}/roles/{bindingId}/delete", null, binding.formatted(302));
		// one's own password change and second factor; the code step of signing in needs a password step first
		everyone("GET /password/change", null, 200, 302);
		everyone("POST /password/change", "currentPassword=", 200, 302);
		everyone("GET /account/totp", null, 200, 302);
		everyone("POST /account/totp", "code=", 302, 302);
		everyone("GET /login/totp", null, 302, 302);
		everyone("POST /login/totp", "code=", 302, 302);
	}

	/** The org or person each user's relations point at. */
	private Long object(String endpoint, String user, Relation relation) {
		boolean person = endpoint.contains("/members/");
		if (relation == Relation.NONE) {
			return null;
		}
		if (endpoint.contains("/accounts/{id}")) {
			return accountOf(relation == Relation.OWN ? "member1" : "orgadmin2");
		}
		if (endpoint.contains("/inbox/")) {
			return notificationOfOrgadmin2();
		}
		if (person) {
			return switch (relation) {
				case OWN -> personOf("member1");
				case SIBLING -> personOf("orgadmin2");
				default -> throw new IllegalArgumentException(relation.name());
			};
		}
		String binding = switch (user) {
			case "admin", "auditor1" -> "市直机关工委";
			case "group1" -> "第一片组";
			case "orgadmin1", "finance1" -> "市财政局工会";
			default -> "市财政局";
		};
		return switch (relation) {
			case OWN -> orgId(binding);
			case CHILD -> orgId(switch (binding) {
				case "市直机关工委" -> "第一片组";
				case "第一片组" -> "市财政局";
				default -> "市财政局工会";
			});
			case SIBLING -> orgId(switch (binding) {
				case "第一片组" -> "第二片组";
				case "市财政局工会" -> "市教育局工会";
				default -> "市教育局";
			});
			default -> null;
		};
	}

	@Test
	void everyEndpointHasARuleAndEveryRoleGetsWhatTheRuleSays() throws Exception {
		defineRules();
		TreeSet<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (info.getMethodsCondition().getMethods().isEmpty()) {
					endpoints.add("* " + pattern);
				}
				info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + pattern));
			}
		}
		assertThat(rules.keySet()).as("endpoints without an access rule").containsAll(endpoints);
		assertThat(endpoints).as("rules for endpoints that no longer exist").containsAll(rules.keySet());

		Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, Rule> entry : rules.entrySet()) {
			String endpoint = entry.getKey();
			if (endpoint.startsWith("* ") || entry.getValue().expected().values().stream()
				.allMatch(byRelation -> byRelation.values().stream().allMatch(v -> v == SKIPPED))) {
				continue;
			}
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
			boolean api = pattern.startsWith("/api/");
			for (Map.Entry<String, Map<Relation, Integer>> byUser : entry.getValue().expected().entrySet()) {
				String user = byUser.getKey();
				for (Map.Entry<Relation, Integer> expectation : byUser.getValue().entrySet()) {
					Long id = object(endpoint, user, expectation.getKey());
					String url = (id == null ? pattern : pattern.replace("{id}", id.toString()))
						.replace("{bindingId}", String.valueOf(bindingOfOrgadmin2()));
					MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), url);
					String body = entry.getValue().body();
					if (body != null) {
						body = body.replace("{id}", String.valueOf(id == null ? object(endpoint, user, Relation.OWN) : id));
						if (api) {
							request.contentType(MediaType.APPLICATION_JSON).content(body);
						}
						else {
							for (String pair : body.split("&")) {
								String[] kv = pair.split("=", 2);
								request.param(kv[0], kv.length > 1 ? kv[1] : "");
							}
						}
					}
					if (!method.equals("GET")) {
						request.with(SecurityMockMvcRequestPostProcessors.csrf());
					}
					if (!user.equals("anonymous")) {
						if (api) {
							request.header("Authorization", bearer(user));
						}
						else {
							request.session(sessions.computeIfAbsent(user, this::session));
						}
					}
					int actual = mvc.perform(request).andReturn().getResponse().getStatus();
					if (actual != expectation.getValue()) {
						failures.add("%s as %s on %s (%s): expected %d, got %d".formatted(endpoint, user,
								expectation.getKey(), url, expectation.getValue(), actual));
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	private long accountOf(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	private long bindingOfOrgadmin2() {
		return jdbc.sql("select min(b.id) from role_binding b join account a on a.id = b.account_id where a.username = 'orgadmin2'")
			.query(Long.class).single();
	}

	/** A notification in the inbox of orgadmin2, who is none of the users tested. */
	private long notificationOfOrgadmin2() {
		long account = jdbc.sql("select id from account where username = 'orgadmin2'").query(Long.class).single();
		// sent once per event key, however often this runs
		notifications.send(NotificationRequest.of("access-matrix", "announcement", List.of(account), "测试", "测试"));
		return jdbc.sql("select id from notification where event_key = 'access-matrix' and channel = 'INBOX'")
			.query(Long.class).single();
	}

	private MockHttpSession session(String user) {
		try {
			return login(user);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
