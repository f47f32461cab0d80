package org.quntuan.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityMatrixObjects;
import org.quntuan.activity.clubs.ClubMatrixObjects;
import org.quntuan.approval.ApprovalManagement;
import org.quntuan.approval.ApprovalRequest;
import org.quntuan.approval.TestFlows;
import org.quntuan.care.hardship.HardshipMatrixObjects;
import org.quntuan.care.mutualaid.MutualAidMatrixObjects;
import org.quntuan.care.pairing.PairingMatrixObjects;
import org.quntuan.care.recuperation.RecuperationMatrixObjects;
import org.quntuan.care.visits.VisitMatrixObjects;
import org.quntuan.care.women.WomenMatrixObjects;
import org.quntuan.finance.FinanceMatrixObjects;
import org.quntuan.finance.audits.AuditMatrixObjects;
import org.quntuan.finance.dues.DuesMatrixObjects;
import org.quntuan.finance.expenses.ExpenseMatrixObjects;
import org.quntuan.governance.mailbox.MailboxMatrixObjects;
import org.quntuan.governance.votes.VoteMatrixObjects;
import org.quntuan.learning.materials.LearningMatrixObjects;
import org.quntuan.learning.quizzes.QuizMatrixObjects;
import org.quntuan.learning.trainings.TrainingMatrixObjects;
import org.quntuan.matchmaking.MatchmakingMatrixObjects;
import org.quntuan.member.union.UnionMatrixObjects;
import org.quntuan.notice.forms.FormMatrixObjects;
import org.quntuan.notice.notices.NoticeMatrixObjects;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.ReelectionMatrixObjects;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.quntuan.volunteer.VolunteerMatrixObjects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

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

	@Autowired
	ApprovalManagement approvals;

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
		rule("GET /orgs/{id}/branch", null, orgRead.formatted(302));

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
		// whole ID numbers and mobiles: POST only (the page's with the CSRF token), audited like the masked export
		rule("POST /api/v1/members/export", null, peopleList.formatted(401));
		rule("POST /members/export", null, peopleList.formatted(302));
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

		// finance audits 审查监督: readers of the audited book see it; admin and auditor1 (root) plan and perform;
		// the union's org admin and finance officer (and the group's admin) answer findings. own: the 2015 audit of
		// 市财政局工会, sibling: of 市教育局工会 (AuditMatrixObjects), under way, so performers meet 400/409, nothing changes
		String auditReaders = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=%1$d; auditor1 none=%1$d;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/finance/audits", null, auditReaders.formatted(200, 401));
		rule("GET /finance/audits", null, auditReaders.formatted(200, 302));
		rule("GET /finance/audits/export", null, auditReaders.formatted(200, 302));
		String auditPlanners = "admin none=%1$d; group1 none=403; orgadmin1 none=403; finance1 none=403; auditor1 none=%1$d;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/finance/audits", "{\"year\":2015,\"orgIds\":[]}", auditPlanners.formatted(400, 401));
		rule("POST /api/v1/finance/audit-plans/default", "{\"year\":1999}", auditPlanners.formatted(400, 401));
		rule("POST /finance/audit-plans/default", "year=1999", auditPlanners.formatted(302, 302));
		String auditRead = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=%1$d sibling=%1$d; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/finance/audits/{id}", null, auditRead.formatted(200, 401));
		rule("GET /finance/audits/{id}", null, auditRead.formatted(200, 302));
		// no such file: 404 for every reader as for everyone else
		rule("GET /api/v1/finance/findings/{id}/evidence/{fileId}", null, auditRead.formatted(404, 401));
		rule("GET /finance/findings/{id}/evidence/{fileId}", null, auditRead.formatted(404, 302));
		String auditPerform = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=%1$d sibling=%1$d; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/finance/audits/{id}/start", null, auditPerform.formatted(409, 401));
		rule("PUT /api/v1/finance/audits/{id}/checks/{itemNo}", "{\"result\":\"NOPE\"}", auditPerform.formatted(400, 401));
		rule("POST /api/v1/finance/audits/{id}/samples", "{}", auditPerform.formatted(400, 401));
		rule("POST /api/v1/finance/audits/{id}/findings", "{}", auditPerform.formatted(400, 401));
		rule("POST /api/v1/finance/audits/{id}/close", "{\"conclusion\":\"\"}", auditPerform.formatted(400, 401));
		rule("POST /api/v1/finance/findings/{id}/decision", "{}", auditPerform.formatted(400, 401));
		rule("POST /finance/audits/{id}/start", null, auditPerform.formatted(302, 302));
		rule("POST /finance/audits/{id}/checks/{itemNo}", "result=NOPE", auditPerform.formatted(302, 302));
		rule("POST /finance/audits/{id}/samples", "count=", auditPerform.formatted(302, 302));
		rule("POST /finance/audits/{id}/findings", "severity=", auditPerform.formatted(302, 302));
		rule("POST /finance/audits/{id}/close", "conclusion=", auditPerform.formatted(302, 302));
		rule("POST /finance/findings/{id}/decision", "comment=", auditPerform.formatted(302, 302));
		String auditAnswer = "admin own=403 sibling=403; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=403 sibling=403; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/finance/findings/{id}/response", "{\"response\":\"\"}", auditAnswer.formatted(400, 401));
		rule("POST /api/v1/finance/findings/{id}/evidence", null, auditAnswer.formatted(400, 401));
		rule("POST /finance/findings/{id}/response", "response=", auditAnswer.formatted(302, 302));

		// inbox: every signed-in user reads and marks their own notifications, never another's ("sibling")
		everyone("GET /api/v1/inbox", null, 200, 401);
		everyone("GET /inbox", null, 200, 302);
		everyone("POST /api/v1/inbox/read-all", null, 200, 401);
		everyone("POST /inbox/read-all", null, 302, 302);
		String othersNotification = "admin sibling=404; group1 sibling=404; orgadmin1 sibling=404; finance1 sibling=404;"
				+ " auditor1 sibling=404; info1 sibling=404; member1 sibling=404; anonymous sibling=%d";
		rule("POST /api/v1/inbox/{id}/read", null, othersNotification.formatted(401));
		rule("POST /inbox/{id}/read", null, othersNotification.formatted(302));

		// finance: dues and base pay. Pay and per-person lines for the union's finance officer (finance1) only; totals for
		// every reader of the book; confirm and post for keepers (not auditors). {id} is a posted sheet of January 2010:
		// own = 市财政局工会's, sibling = 市教育局工会's (DuesMatrixObjects); {personId} is orgadmin2's, of 市教育局.
		String payOfficer = "admin none=403; group1 none=403; orgadmin1 none=403; finance1 none=%1$d; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/finance/pay", null, payOfficer.formatted(200, 401));
		rule("GET /finance/pay", null, payOfficer.formatted(200, 302));
		rule("GET /api/v1/finance/pay/import-template", null, payOfficer.formatted(200, 401));
		rule("GET /finance/pay/import-template", null, payOfficer.formatted(200, 302));
		rule("POST /api/v1/finance/pay/import", null, payOfficer.formatted(400, 401));
		rule("POST /finance/pay/import", null, payOfficer.formatted(302, 302));
		String payOfOthers = "admin none=403; group1 none=404; orgadmin1 none=404; finance1 none=404; auditor1 none=403;"
				+ " info1 none=404; member1 none=404; anonymous none=%d";
		rule("PUT /api/v1/finance/pay/{personId}", "{\"monthlyBase\":\"-1\"}", payOfOthers.formatted(401));
		rule("POST /finance/pay/{personId}", "monthlyBase=-1", payOfOthers.formatted(302));
		String duesReaders = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=%1$d; auditor1 none=%1$d;"
				+ " info1 none=404; member1 none=404; anonymous none=%2$d";
		rule("GET /api/v1/finance/dues-sheets", null, duesReaders.formatted(200, 401));
		rule("GET /finance/dues", null, duesReaders.formatted(200, 302));
		rule("GET /api/v1/finance/dues-arrears", null, duesReaders.formatted(200, 401));
		rule("GET /finance/dues/arrears", null, duesReaders.formatted(200, 302));
		rule("GET /finance/dues/arrears/export", null, duesReaders.formatted(200, 302));
		String duesGenerate = "admin own=403 child=403; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=403; info1 own=404; member1 own=404; anonymous own=%2$d";
		rule("POST /api/v1/finance/dues-sheets", "{\"orgId\":{id},\"year\":1999,\"month\":1}", duesGenerate.formatted(400, 401));
		rule("POST /finance/dues", "orgId={id}&year=1999&month=1", duesGenerate.formatted(302, 302));
		String duesSheet = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=%1$d sibling=%1$d; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/finance/dues-sheets/{id}", null, duesSheet.formatted(200, 401));
		rule("GET /finance/dues/{id}", null, duesSheet.formatted(200, 302));
		String duesKeeper = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=403 sibling=403; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/finance/dues-sheets/{id}/confirm", null, duesKeeper.formatted(409, 401));
		rule("POST /finance/dues/{id}/confirm", null, duesKeeper.formatted(302, 302));
		rule("POST /api/v1/finance/dues-sheets/{id}/post", null, duesKeeper.formatted(200, 401));
		rule("POST /finance/dues/{id}/post", null, duesKeeper.formatted(302, 302));
		String duesLines = "admin own=403 sibling=403; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=403 sibling=403; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("PUT /api/v1/finance/dues-sheets/{id}/lines/{personId}", "{\"amountPaid\":\"-1\"}", duesLines.formatted(400, 401));
		rule("POST /finance/dues/{id}/lines/{personId}", "amountPaid=-1", duesLines.formatted(302, 302));
		rule("POST /api/v1/finance/dues-sheets/{id}/import", null, duesLines.formatted(409, 401));
		rule("POST /finance/dues/{id}/import", null, duesLines.formatted(302, 302));
		rule("GET /finance/dues/{id}/export", null, duesLines.formatted(200, 302));

		// accounts: admins only; own = member1's account (in every admin's reach), sibling = orgadmin2's (the
		// federation admin's only). Writes carry a stale version or an incomplete body: 400/409 or a redirect.
		String adminsOnly = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/accounts", null, adminsOnly.formatted(200, 401));
		rule("GET /accounts", null, adminsOnly.formatted(200, 302));
		rule("GET /api/v1/accounts/export", null, adminsOnly.formatted(200, 401));
		rule("GET /accounts/export", null, adminsOnly.formatted(200, 302));
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
		// approval: lists are the caller's own; one approval filed by orgadmin2, decided by group2 (none of the users)
		everyone("GET /api/v1/approvals", null, 200, 401);
		everyone("GET /api/v1/approvals/requests", null, 200, 401);
		everyone("GET /approvals", null, 200, 302);
		everyone("GET /approvals/requests", null, 200, 302);
		everyone("POST /approvals/bulk-approve", null, 302, 302);
		String approvalRead = "admin sibling=200; group1 sibling=404; orgadmin1 sibling=404; finance1 sibling=404;"
				+ " auditor1 sibling=200; info1 sibling=404; member1 sibling=404; anonymous sibling=%d";
		String approvalAct = "admin sibling=403; group1 sibling=404; orgadmin1 sibling=404; finance1 sibling=404;"
				+ " auditor1 sibling=403; info1 sibling=404; member1 sibling=404; anonymous sibling=%d";
		rule("GET /api/v1/approvals/{id}", null, approvalRead.formatted(401));
		rule("GET /approvals/{id}", null, approvalRead.formatted(302));
		rule("POST /api/v1/approvals/{id}/decision", "{\"decision\":\"APPROVE\"}", approvalAct.formatted(401));
		rule("POST /api/v1/approvals/{id}/withdraw", "{}", approvalAct.formatted(401));
		rule("POST /api/v1/approvals/{id}/resubmit", "{}", approvalAct.formatted(401));
		rule("POST /approvals/{id}/decision", "decision=APPROVE", approvalAct.formatted(302));
		rule("POST /approvals/{id}/withdraw", "reason=", approvalAct.formatted(302));
		rule("POST /approvals/{id}/resubmit", "reason=", approvalAct.formatted(302));
		// governance: meetings (own = a published meeting of 市财政局工会, sibling = one of 市教育局工会), resolutions
		// of those meetings, annual reports (own/sibling the same two unions, year 2018, confirmed)
		everyone("GET /api/v1/meetings", null, 200, 401);
		everyone("GET /meetings", null, 200, 302);
		everyone("GET /meetings/minutes", null, 200, 302);
		everyone("GET /api/v1/resolutions", null, 200, 401);
		everyone("GET /resolutions", null, 200, 302);
		everyone("GET /resolutions/export", null, 200, 302);
		String govAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/meetings", "{}", govAdmins.formatted(400, 401));
		rule("POST /meetings", "title=", govAdmins.formatted(302, 302));
		rule("GET /meetings/new", null, govAdmins.formatted(200, 302));
		rule("GET /meetings/picker", null, govAdmins.formatted(200, 302));
		String meetingRead = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=200 sibling=404; auditor1 own=404 sibling=404; info1 own=200 sibling=404;"
				+ " member1 own=200 sibling=404; anonymous own=%d";
		rule("GET /api/v1/meetings/{id}", null, meetingRead.formatted(401));
		rule("GET /meetings/{id}", null, meetingRead.formatted(302));
		rule("GET /meetings/{id}/attendance/export", null, meetingRead.formatted(302));
		String meetingWrite = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=404 sibling=404; info1 own=403 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		// the meeting lies in the past: it can no longer be cancelled (422)
		rule("POST /api/v1/meetings/{id}/cancel", "{\"version\":-1}", meetingWrite.formatted(422, 401));
		rule("PUT /api/v1/meetings/{id}/attendance", "{\"entries\":[]}", meetingWrite.formatted(400, 401));
		rule("PUT /api/v1/meetings/{id}/minutes", "{\"minutes\":\"x\",\"version\":-1}", meetingWrite.formatted(409, 401));
		rule("POST /api/v1/meetings/{id}/resolutions", "{}", meetingWrite.formatted(400, 401));
		rule("POST /api/v1/meetings/{id}/attachments", null, meetingWrite.formatted(400, 401));
		rule("POST /meetings/{id}/cancel", "version=-1", meetingWrite.formatted(302, 302));
		rule("POST /meetings/{id}/attendance", null, meetingWrite.formatted(302, 302));
		rule("POST /meetings/{id}/minutes", "minutes=x&version=-1", meetingWrite.formatted(302, 302));
		rule("POST /meetings/{id}/resolutions", "content=", meetingWrite.formatted(302, 302));
		rule("POST /meetings/{id}/attachments", null, meetingWrite.formatted(302, 302));
		// {fileId} needs a file of the meeting: MeetingTests.attachmentsAreOfficeOrPictureFilesDownloadableByThoseWhoSeeTheMeeting
		everyone("GET /api/v1/meetings/{id}/attachments/{fileId}", null, SKIPPED, SKIPPED);
		everyone("GET /meetings/{id}/attachments/{fileId}", null, SKIPPED, SKIPPED);
		// closing without a note: 400 for admins of the meeting (the owner is none of the users here)
		rule("POST /api/v1/resolutions/{id}/close", "{\"version\":-1}", meetingWrite.formatted(400, 401));
		rule("POST /resolutions/{id}/close", "version=-1", meetingWrite.formatted(302, 302));
		// an annual report without date and file: 400 at the own union, 422 at an org that is no mass organization
		rule("POST /api/v1/orgs/{id}/annual-reports", null, "admin own=422 child=422; group1 own=422 child=422 sibling=404;"
				+ " orgadmin1 own=400 sibling=404; finance1 own=403 sibling=404; auditor1 own=403 child=403;"
				+ " info1 own=403 child=403 sibling=404; member1 own=403 child=403 sibling=404; anonymous own=401");
		rule("GET /api/v1/annual-reports/board", null, govAdmins.formatted(200, 401));
		rule("GET /api/v1/annual-reports/board/export", null, govAdmins.formatted(200, 401));
		rule("GET /annual-reports", null, govAdmins.formatted(200, 302));
		rule("GET /annual-reports/export", null, govAdmins.formatted(200, 302));
		// without a year nobody is reminded (400)
		rule("POST /api/v1/annual-reports/remind", null, govAdmins.formatted(400, 401));
		rule("POST /annual-reports/remind", null, govAdmins.formatted(302, 302));
		rule("POST /annual-reports/upload", null, govAdmins.formatted(302, 302));
		// the reports are confirmed already: 409 for the federation admin, 403 for whoever sees but is no 工委管理员
		String confirm = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=403 sibling=403; info1 own=403 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/annual-reports/{id}/confirm", null, confirm.formatted(409, 401));
		rule("POST /annual-reports/{id}/confirm", null, confirm.formatted(302, 302));
		String reportFile = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("GET /api/v1/annual-reports/{id}/file", null, reportFile.formatted(401));
		rule("GET /annual-reports/{id}/file", null, reportFile.formatted(302));
		// activity: 四季有你 series, group ranking, clubs. {id} of a series is a quarter of 2097; {year} a ranking
		// published already (2098); clubs: own = a club of 市财政局工会 (member1 a member), sibling = one of 市教育局工会;
		// join and leave go to a merged club (422 for all who see it); {personId} has asked to join neither club
		everyone("GET /api/v1/activity-series", null, 200, 401);
		everyone("GET /activity-series", null, 200, 302);
		String seriesPlan = "admin none=%1$d; group1 none=403; orgadmin1 none=403; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/activity-series", "{\"year\":2050,\"quarters\":[{\"quarter\":1},{\"quarter\":1}]}",
				seriesPlan.formatted(400, 401));
		rule("POST /activity-series", "year=1999", seriesPlan.formatted(302, 302));
		String everyoneOwn = "admin own=200; group1 own=200; orgadmin1 own=200; finance1 own=200; auditor1 own=200;"
				+ " info1 own=200; member1 own=200; anonymous own=%d";
		rule("GET /api/v1/activity-series/{id}", null, everyoneOwn.formatted(401));
		rule("GET /activity-series/{id}", null, everyoneOwn.formatted(302));
		everyone("GET /group-rankings", null, 200, 302);
		rule("POST /api/v1/group-rankings", "{\"year\":2050,\"weights\":{\"activities\":50,\"participation\":50,\"feedback\":50}}",
				seriesPlan.formatted(400, 401));
		rule("POST /group-rankings", "year=2050&weightActivities=50&weightParticipation=50&weightFeedback=50",
				seriesPlan.formatted(302, 302));
		everyone("GET /api/v1/group-rankings/{year}", null, 200, 401);
		everyone("GET /api/v1/group-rankings/{year}/export", null, 200, 401);
		everyone("GET /group-rankings/{year}/export", null, 200, 302);
		rule("POST /api/v1/group-rankings/{year}/publish", null, seriesPlan.formatted(409, 401));
		rule("POST /group-rankings/{year}/publish", null, seriesPlan.formatted(302, 302));
		everyone("GET /api/v1/clubs", null, 200, 401);
		everyone("GET /api/v1/clubs/requests", null, 200, 401);
		everyone("GET /clubs", null, 200, 302);
		everyone("GET /clubs/mine", null, 200, 302);
		everyone("GET /clubs/requests", null, 200, 302);
		String clubAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/clubs", "{\"name\":\"x\",\"leaderPersonId\":-1,\"sponsorOrgId\":-1}", clubAdmins.formatted(400, 401));
		rule("POST /clubs", "name=x&sponsorOrgId=-1", clubAdmins.formatted(302, 302));
		String clubRead = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=200 sibling=404; auditor1 own=200 sibling=200; info1 own=200 sibling=404;"
				+ " member1 own=200 sibling=404; anonymous own=%d";
		rule("GET /api/v1/clubs/{id}", null, clubRead.formatted(401));
		rule("GET /clubs/{id}", null, clubRead.formatted(302));
		String clubRoll = "admin own=200 sibling=200; group1 own=200 sibling=404;"
				+ " orgadmin1 own=200 sibling=404; finance1 own=403 sibling=404; auditor1 own=403 sibling=403;"
				+ " info1 own=403 sibling=404; member1 own=200 sibling=404; anonymous own=%d";
		rule("GET /api/v1/clubs/{id}/members", null, clubRoll.formatted(401));
		rule("GET /clubs/{id}/members/export", null, clubRoll.formatted(302));
		String mergedClub = "admin own=%1$d; group1 own=%1$d; orgadmin1 own=%1$d; finance1 own=%1$d; auditor1 own=%1$d;"
				+ " info1 own=%1$d; member1 own=%1$d; anonymous own=%2$d";
		rule("POST /api/v1/clubs/{id}/join", null, mergedClub.formatted(422, 401));
		rule("POST /api/v1/clubs/{id}/leave", null, mergedClub.formatted(422, 401));
		rule("POST /clubs/{id}/join", null, mergedClub.formatted(302, 302));
		rule("POST /clubs/{id}/leave", null, mergedClub.formatted(302, 302));
		String clubManage = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=403 sibling=403; info1 own=403 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		for (String e : List.of("approve", "reject")) {
			rule("POST /api/v1/clubs/{id}/members/{personId}/" + e, null, clubManage.formatted(404, 401));
			rule("POST /clubs/{id}/members/{personId}/" + e, null, clubManage.formatted(404, 302));
		}
		// merging a club into itself: 400 for its admins, after the access check
		rule("POST /api/v1/clubs/{id}/merge", "{\"absorbedClubId\":{id}}", clubManage.formatted(400, 401));
		rule("POST /clubs/{id}/merge", "absorbedClubId={id}", clubManage.formatted(302, 302));
		// knowledge competitions (learning.quizzes.QuizMatrixObjects): own = a bank and a closed competition of
		// 市财政局工会 for 市财政局 with member1's submitted attempt, sibling = the same of 市教育局工会 for 市教育局 with
		// orgadmin2's; closed, so that starting changes nothing (422, or a page redirect, for whoever may take part)
		String quizAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/question-banks", null, quizAdmins.formatted(200, 401));
		rule("POST /api/v1/question-banks", "{\"name\":\"\"}", quizAdmins.formatted(400, 401));
		rule("GET /api/v1/question-banks/import-template", null, quizAdmins.formatted(200, 401));
		rule("GET /quizzes/manage", null, quizAdmins.formatted(200, 302));
		rule("POST /quizzes/banks", "name=", quizAdmins.formatted(302, 302));
		rule("GET /quizzes/banks/template", null, quizAdmins.formatted(200, 302));
		rule("POST /api/v1/quizzes", "{\"title\":\"\"}", quizAdmins.formatted(400, 401));
		rule("POST /quizzes", "title=", quizAdmins.formatted(302, 302));
		everyone("GET /api/v1/quizzes", null, 200, 401);
		everyone("GET /quizzes", null, 200, 302);
		String bankKeepers = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=403; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%2$d";
		rule("GET /api/v1/question-banks/{id}/questions", null, bankKeepers.formatted(200, 401));
		rule("POST /api/v1/question-banks/{id}/questions", "{\"type\":\"x\"}", bankKeepers.formatted(400, 401));
		rule("POST /api/v1/question-banks/{id}/import", null, bankKeepers.formatted(400, 401));
		rule("POST /quizzes/banks/{id}/import", null, bankKeepers.formatted(302, 302));
		String quizSeen = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=404 sibling=404; info1 own=%1$d sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/quizzes/{id}", null, quizSeen.formatted(200, 401));
		rule("GET /api/v1/quizzes/{id}/leaderboard", null, quizSeen.formatted(200, 401));
		rule("GET /quizzes/{id}", null, quizSeen.formatted(200, 302));
		rule("POST /api/v1/quizzes/{id}/attempts", null, quizSeen.formatted(422, 401));
		rule("POST /quizzes/{id}/start", null, quizSeen.formatted(302, 302));
		String quizKeepers = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=404 sibling=404; info1 own=403 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/quizzes/{id}/leaderboard/export", null, quizKeepers.formatted(200, 401));
		rule("GET /quizzes/{id}/leaderboard/export", null, quizKeepers.formatted(200, 302));
		String ownAttempt = "admin own=404 sibling=404; group1 own=404 sibling=404; orgadmin1 own=404 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/attempts/{id}", null, ownAttempt.formatted(200, 401));
		rule("PUT /api/v1/attempts/{id}/answers/{questionId}", "{\"choices\":[\"A\"]}", ownAttempt.formatted(422, 401));
		rule("POST /api/v1/attempts/{id}/submit", null, ownAttempt.formatted(200, 401));
		rule("GET /api/v1/attempts/{id}/review", null, ownAttempt.formatted(200, 401));
		rule("GET /quizzes/attempts/{id}", null, ownAttempt.formatted(302, 302));
		rule("POST /quizzes/attempts/{id}/answers/{questionId}", null, ownAttempt.formatted(422, 302));
		rule("POST /quizzes/attempts/{id}/submit", null, ownAttempt.formatted(302, 302));
		rule("GET /quizzes/attempts/{id}/review", null, ownAttempt.formatted(200, 302));
		// training classes (learning.trainings.TrainingMatrixObjects): own = a confirmed class of 市财政局工会 for
		// 市财政局 with member1 on its list, sibling = the same of 市教育局工会 with orgadmin2; its one session is ahead
		everyone("GET /api/v1/trainings", null, 200, 401);
		everyone("GET /learning/trainings", null, 200, 302);
		String trainingAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/trainings", "{\"title\":\"\"}", trainingAdmins.formatted(400, 401));
		rule("POST /learning/trainings", "title=", trainingAdmins.formatted(302, 302));
		rule("GET /learning/trainings/new", null, trainingAdmins.formatted(200, 302));
		String trainingSeen = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/trainings/{id}", null, trainingSeen.formatted(200, 401));
		rule("GET /api/v1/trainings/{id}/roster", null, trainingSeen.formatted(200, 401));
		rule("GET /api/v1/trainings/{id}/schedule.ics", null, trainingSeen.formatted(200, 401));
		rule("GET /learning/trainings/{id}", null, trainingSeen.formatted(200, 302));
		rule("GET /learning/trainings/{id}/schedule.ics", null, trainingSeen.formatted(200, 302));
		rule("GET /learning/trainings/sessions/{id}/check-in", null, trainingSeen.formatted(200, 302));
		String trainingOrganizers = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/trainings/{id}/sessions", "{}", trainingOrganizers.formatted(400, 401));
		rule("POST /api/v1/trainings/{id}/confirmation", null, trainingOrganizers.formatted(422, 401));
		rule("POST /api/v1/trainings/{id}/completion", null, trainingOrganizers.formatted(422, 401));
		rule("PUT /api/v1/trainings/{id}/sessions/{sessionId}/attendance/{traineeId}", "{}",
				trainingOrganizers.formatted(400, 401));
		rule("POST /learning/trainings/{id}/sessions", "topic=", trainingOrganizers.formatted(302, 302));
		rule("POST /learning/trainings/{id}/confirm", null, trainingOrganizers.formatted(302, 302));
		rule("POST /learning/trainings/{id}/finish", null, trainingOrganizers.formatted(302, 302));
		rule("POST /learning/trainings/{id}/attendance", "reason=", trainingOrganizers.formatted(302, 302));
		rule("GET /learning/trainings/sessions/{id}/check-in-code", null, trainingOrganizers.formatted(200, 302));
		String trainingNominators = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=403; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%2$d";
		rule("POST /api/v1/trainings/{id}/nominations", "{}", trainingNominators.formatted(400, 401));
		rule("POST /learning/trainings/{id}/nominations", "personId=", trainingNominators.formatted(302, 302));
		rule("GET /api/v1/trainings/{id}/roster/export", null, trainingNominators.formatted(200, 401));
		rule("GET /learning/trainings/{id}/roster.xlsx", null, trainingNominators.formatted(200, 302));
		// no such nomination or certificate: 404 for whoever may see the class (and for those who may not)
		String trainingNothing = "admin own=404 sibling=404; group1 own=404 sibling=404; orgadmin1 own=404 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("DELETE /api/v1/trainings/{id}/nominations/{traineeId}", null, trainingNothing.formatted(401));
		rule("POST /learning/trainings/{id}/nominations/{traineeId}/withdraw", null, trainingNothing.formatted(302));
		everyone("GET /api/v1/certificates/{code}/pdf", null, 404, 401);
		everyone("GET /learning/certificates/{code}.pdf", null, 404, 302);
		everyone("GET /verify/certificates/{code}", null, 404, 404);
		// a check-in without a token: 400 for anyone, the token is checked first (it is what proves presence)
		String trainingCheckIn = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=%1$d; orgadmin1 own=%1$d sibling=%1$d;"
				+ " finance1 own=%1$d sibling=%1$d; auditor1 own=%1$d sibling=%1$d; info1 own=%1$d sibling=%1$d;"
				+ " member1 own=%1$d sibling=%1$d; anonymous own=%2$d";
		rule("POST /api/v1/trainings/sessions/{id}/check-in", "{}", trainingCheckIn.formatted(400, 401));
		rule("POST /learning/trainings/sessions/{id}/check-in", null, trainingCheckIn.formatted(302, 302));
		// union membership (member.union.UnionMatrixObjects): own = member1's application to 市财政局工会 (rejected earlier)
		// and member1's finished transfer from 市财政局 to 市教育局, sibling = the same for orgadmin2 in 市教育局 (a transfer
		// within 第二片组); person endpoints get member1 / orgadmin2. The membership is kept by the organ's union admins,
		// the 片组 above and the work committee; writes stop at a missing field or at a decided application or finished
		// transfer (409), or, for accepting by the releasing union, at 422.
		String unionKeepers = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/union/applications", null, unionKeepers.formatted(200, 401));
		rule("GET /union/applications", null, unionKeepers.formatted(200, 302));
		rule("GET /api/v1/union/transfers", null, unionKeepers.formatted(200, 401));
		rule("GET /union/transfers", null, unionKeepers.formatted(200, 302));
		String unionPeople = "admin none=403; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=%1$d; auditor1 none=%1$d;"
				+ " info1 none=%1$d; member1 none=%1$d; anonymous none=%2$d";
		rule("GET /api/v1/union/applications/mine", null, unionPeople.formatted(200, 401));
		rule("GET /union/apply", null, unionPeople.formatted(200, 302));
		rule("POST /api/v1/union/applications", "{}", unionPeople.formatted(400, 401));
		rule("POST /union/applications", "idNumber=", unionPeople.formatted(302, 302));
		// the card: members only (finance1 is not a union member in the demo: 422, the page says so), nobody for an account
		// without a person
		String unionCard = "admin none=403; group1 none=200; orgadmin1 none=200; finance1 none=422; auditor1 none=200;"
				+ " info1 none=200; member1 none=200; anonymous none=%d";
		rule("GET /api/v1/me/member-card", null, unionCard.formatted(401));
		rule("GET /union/card", null, unionCard.replace("=422", "=200").formatted(302));
		// public: an invalid token says "invalid" and nothing more, to anyone
		everyone("GET /verify/member-cards/{token}", null, 200, 200);
		String unionSeen = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=200 sibling=404; anonymous own=%d";
		rule("GET /api/v1/union/applications/{id}", null, unionSeen.formatted(401));
		rule("GET /api/v1/union/members/{id}", null, unionSeen.formatted(401));
		rule("GET /members/{id}/union", null, unionSeen.formatted(302));
		String unionKept = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=403; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%2$d";
		rule("POST /api/v1/union/applications/{id}/decision", "{}", unionKept.formatted(400, 401));
		rule("POST /api/v1/union/members/{id}/exit", "{}", unionKept.formatted(400, 401));
		rule("POST /api/v1/union/transfers/{id}/release", "{}", unionKept.formatted(409, 401));
		rule("POST /api/v1/union/transfers/{id}/accept", "{}", "admin own=409 sibling=409; group1 own=422 sibling=404;"
				+ " orgadmin1 own=422 sibling=404; finance1 own=403 sibling=403; auditor1 own=403 sibling=403;"
				+ " info1 own=403 sibling=403; member1 own=403 sibling=403; anonymous own=401");
		rule("POST /union/applications/{id}/decision", null, unionKept.formatted(302, 302));
		rule("POST /members/{id}/union/exit", null, unionKept.formatted(302, 302));
		rule("POST /union/transfers/{id}/release", null, unionKept.formatted(302, 302));
		rule("POST /union/transfers/{id}/accept", null, unionKept.formatted(302, 302));
		// recuperation (care.recuperation.RecuperationMatrixObjects): own = a batch of the work committee a month ahead with
		// places for 市财政局 and member1 on its list (已参加), sibling = the same for 市教育局 with orgadmin2; the nomination
		// endpoints get that nomination. Writes stop at a missing version, person, reason or record, or at 已参加.
		everyone("GET /api/v1/care/recuperation/batches", null, 200, 401);
		everyone("GET /api/v1/care/recuperation/my-nominations", null, 200, 401);
		everyone("GET /care/recuperation", null, 200, 302);
		String recuperationPlanners = "admin none=%1$d; group1 none=403; orgadmin1 none=403; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/care/recuperation/batches", "{\"title\":\"\"}", recuperationPlanners.formatted(400, 401));
		rule("GET /care/recuperation/new", null, recuperationPlanners.formatted(200, 302));
		rule("POST /care/recuperation/batches", "title=", recuperationPlanners.formatted(302, 302));
		String recuperationSeen = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/care/recuperation/batches/{id}", null, recuperationSeen.formatted(200, 401));
		rule("GET /api/v1/care/recuperation/batches/{id}/nominations", null, recuperationSeen.formatted(200, 401));
		rule("GET /care/recuperation/batches/{id}", null, recuperationSeen.formatted(200, 302));
		rule("GET /api/v1/care/recuperation/nominations/{id}", null, recuperationSeen.formatted(200, 401));
		rule("GET /care/recuperation/nominations/{id}", null, recuperationSeen.formatted(200, 302));
		String recuperationOrganizers = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("PUT /api/v1/care/recuperation/batches/{id}/quotas", "{}", recuperationOrganizers.formatted(400, 401));
		rule("PUT /api/v1/care/recuperation/batches/{id}/attendance", "{}", recuperationOrganizers.formatted(400, 401));
		rule("POST /care/recuperation/batches/{id}/quotas", null, recuperationOrganizers.formatted(302, 302));
		rule("POST /care/recuperation/batches/{id}/attendance", null, recuperationOrganizers.formatted(302, 302));
		String recuperationAdmins = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/care/recuperation/batches/{id}/nominations", "{}", recuperationAdmins.formatted(400, 401));
		rule("POST /care/recuperation/batches/{id}/nominations", "personId=", recuperationAdmins.formatted(302, 302));
		rule("GET /api/v1/care/recuperation/batches/{id}/roster/export", null, recuperationAdmins.formatted(200, 401));
		rule("GET /care/recuperation/batches/{id}/roster.xlsx", null, recuperationAdmins.formatted(200, 302));
		rule("POST /api/v1/care/recuperation/nominations/{id}/withdrawal", "{}", recuperationAdmins.formatted(400, 401));
		rule("POST /care/recuperation/nominations/{id}/withdraw", null, recuperationAdmins.formatted(302, 302));
		// only the person answers: 422 (already 已参加) or 400 (no reason) for member1, 403 for those who see it
		String recuperationSelf = "admin own=403 sibling=403; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/care/recuperation/nominations/{id}/confirmation", null, recuperationSelf.formatted(422, 401));
		rule("POST /api/v1/care/recuperation/nominations/{id}/decline", "{}", recuperationSelf.formatted(400, 401));
		rule("POST /care/recuperation/nominations/{id}/confirm", null, recuperationSelf.formatted(302, 302));
		rule("POST /care/recuperation/nominations/{id}/decline", null, recuperationSelf.formatted(302, 302));
		// votes (governance.votes.VoteMatrixObjects): own = a closed secret vote of 市财政局工会 with member1 alone on its
		// list, sibling = the same for 市教育局工会 with orgadmin2. Admins reaching the union see it and who voted, the
		// voter sees it and its results; a ballot stops at 403 (not on the list) or 422 (closed), nothing is counted.
		everyone("GET /api/v1/votes", null, 200, 401);
		everyone("GET /votes", null, 200, 302);
		String voteMakers = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/votes", "{\"title\":\"\"}", voteMakers.formatted(400, 401));
		rule("GET /votes/new", null, voteMakers.formatted(200, 302));
		rule("POST /votes", "title=", voteMakers.formatted(302, 302));
		String voteSeen = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/votes/{id}", null, voteSeen.formatted(200, 401));
		rule("GET /api/v1/votes/{id}/results", null, voteSeen.formatted(200, 401));
		rule("GET /votes/{id}", null, voteSeen.formatted(200, 302));
		rule("GET /votes/{id}/results", null, voteSeen.formatted(200, 302));
		rule("GET /api/v1/votes/{id}/voters", null, "admin own=200 sibling=200; group1 own=200 sibling=404;"
				+ " orgadmin1 own=200 sibling=404; finance1 own=404 sibling=404; auditor1 own=404 sibling=404;"
				+ " info1 own=404 sibling=404; member1 own=403 sibling=404; anonymous own=401");
		String ballots = "admin own=403 sibling=403; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/votes/{id}/ballots", "{}", ballots.formatted(422, 401));
		rule("POST /votes/{id}/ballots", null, ballots.formatted(302, 302));
		// the chair's mailbox (governance.mailbox.MailboxMatrixObjects): own = a signed letter of member1 to 市财政局工会,
		// sibling = one of orgadmin2 to 市教育局工会, both to handle. The union's org admins are the chair's office, the
		// work committee's admins answer letters to the federation and escalated ones; the writer rates. Answers stop at
		// a missing text or version (400), a rating at 422 (not answered yet).
		rule("POST /api/v1/mailbox/letters", "{\"text\":\"\"}", "admin none=403; group1 none=400; orgadmin1 none=400;"
				+ " finance1 none=400; auditor1 none=400; info1 none=400; member1 none=400; anonymous none=401");
		rule("POST /mailbox/letters", "text=", "admin none=403; group1 none=302; orgadmin1 none=302; finance1 none=302;"
				+ " auditor1 none=302; info1 none=302; member1 none=302; anonymous none=302");
		everyone("GET /api/v1/mailbox/letters/mine", null, 200, 401);
		everyone("GET /mailbox", null, 200, 302);
		everyone("GET /mailbox/new", null, 200, 302);
		String mailboxOffices = "admin none=%1$d; group1 none=403; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/mailbox/letters", null, mailboxOffices.formatted(200, 401));
		rule("GET /api/v1/mailbox/summary", null, mailboxOffices.formatted(200, 401));
		rule("GET /api/v1/mailbox/summary/export", null, mailboxOffices.formatted(200, 401));
		rule("GET /mailbox/board", null, mailboxOffices.formatted(200, 302));
		rule("GET /mailbox/summary", null, mailboxOffices.formatted(200, 302));
		rule("GET /mailbox/summary.xlsx", null, mailboxOffices.formatted(200, 302));
		String letterSeen = "admin own=404 sibling=404; group1 own=404 sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/mailbox/letters/{id}", null, letterSeen.formatted(200, 401));
		rule("GET /mailbox/letters/{id}", null, letterSeen.formatted(200, 302));
		String letterOffice = "admin own=404 sibling=404; group1 own=404 sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/mailbox/letters/{id}/reply", "{}", letterOffice.formatted(400, 401));
		rule("POST /api/v1/mailbox/letters/{id}/assignment", "{}", letterOffice.formatted(400, 401));
		rule("POST /mailbox/letters/{id}/reply", null, letterOffice.formatted(302, 302));
		rule("POST /mailbox/letters/{id}/assignment", null, letterOffice.formatted(302, 302));
		String letterWriter = "admin own=404 sibling=404; group1 own=404 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/mailbox/letters/{id}/rating", "{}", letterWriter.formatted(422, 401));
		rule("POST /mailbox/letters/{id}/rating", null, letterWriter.formatted(302, 302));
		// pairing (care.pairing.PairingMatrixObjects): own = a pair of 市财政局 (orgadmin1's and member1's organ), sibling = a
		// pair of 市教育局, each with a plan item, a progress entry without a photo and a problem 提出. Lists and partners are
		// for admins (403 otherwise); the work committee pairs, renews and reads the board; an admin reaching the organ
		// works on the pair; to anyone else it does not exist (404). Writes stop at a missing field or version.
		String pairingAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/pair-partners", null, pairingAdmins.formatted(200, 401));
		rule("POST /api/v1/pair-partners", "{}", pairingAdmins.formatted(400, 401));
		rule("GET /api/v1/pairs", null, pairingAdmins.formatted(200, 401));
		rule("GET /api/v1/pair-problems", null, pairingAdmins.formatted(200, 401));
		rule("GET /care/pairing", null, pairingAdmins.formatted(200, 302));
		rule("GET /care/pairing/partners", null, pairingAdmins.formatted(200, 302));
		rule("POST /care/pairing/partners", "name=", pairingAdmins.formatted(302, 302));
		rule("GET /care/pairing/problems", null, pairingAdmins.formatted(200, 302));
		String pairingFederation = "admin none=%1$d; group1 none=403; orgadmin1 none=403; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/pairs", "{}", pairingFederation.formatted(400, 401));
		rule("GET /api/v1/pair-problems/board", null, pairingFederation.formatted(200, 401));
		rule("POST /care/pairing/pairs", "organId=", pairingFederation.formatted(302, 302));
		rule("GET /care/pairing/board", null, pairingFederation.formatted(200, 302));
		String pairingSeen = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/pairs/{id}", null, pairingSeen.formatted(200, 401));
		rule("GET /api/v1/pairs/{id}/summary.xlsx", null, pairingSeen.formatted(200, 401));
		rule("POST /api/v1/pairs/{id}/plan-items", "{}", pairingSeen.formatted(400, 401));
		rule("POST /api/v1/pair-plan-items/{id}/progress", null, pairingSeen.formatted(400, 401));
		rule("POST /api/v1/pairs/{id}/problems", "{}", pairingSeen.formatted(400, 401));
		rule("GET /api/v1/pair-problems/{id}", null, pairingSeen.formatted(200, 401));
		rule("PATCH /api/v1/pair-problems/{id}", "{}", pairingSeen.formatted(400, 401));
		rule("GET /care/pairing/pairs/{id}", null, pairingSeen.formatted(200, 302));
		rule("GET /care/pairing/pairs/{id}/summary", null, pairingSeen.formatted(200, 302));
		rule("GET /care/pairing/pairs/{id}/summary.xlsx", null, pairingSeen.formatted(200, 302));
		rule("POST /care/pairing/pairs/{id}/plan-items", "title=", pairingSeen.formatted(302, 302));
		rule("POST /care/pairing/plan-items/{id}/progress", "note=", pairingSeen.formatted(302, 302));
		rule("POST /care/pairing/pairs/{id}/problems", "category=", pairingSeen.formatted(302, 302));
		rule("GET /care/pairing/problems/{id}", null, pairingSeen.formatted(200, 302));
		rule("POST /care/pairing/problems/{id}/status", "status=", pairingSeen.formatted(302, 302));
		// renewing is the work committee's: 403 for the organ's admins who see the pair; a year before the term: 400
		String pairingRenewal = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/pairs/{id}/renewal", "{\"startYear\":1990}", pairingRenewal.formatted(400, 401));
		rule("POST /care/pairing/pairs/{id}/renewal", "startYear=1990", pairingRenewal.formatted(302, 302));
		// no progress entry of the matrix has a photo: 404 for all who see the pair (and for those who do not)
		String pairingNoPhoto = "admin own=404 sibling=404; group1 own=404 sibling=404; orgadmin1 own=404 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("GET /api/v1/pair-progress/{id}/photo", null, pairingNoPhoto.formatted(401));
		rule("GET /care/pairing/progress/{id}/photo", null, pairingNoPhoto.formatted(302));
		// matchmaking (matchmaking.MatchmakingMatrixObjects): own = a profile waiting for review of a person of 市财政局,
		// sibling = one of 市教育局; the interest endpoints get an interest between them. No demo account has a profile
		// or a matchmaking consent, so the member's writes stop at "no profile" (404, 422) or "no consent" (422) and
		// admin, an account without a person, is refused (403). Reviewers: the work committee, and orgadmin1 as the
		// admin of 市财政局工会 for its organ only; group1 (a 片组) reviews nobody.
		String mmPeople = "admin none=%3$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=%1$d; auditor1 none=%1$d;"
				+ " info1 none=%1$d; member1 none=%1$d; anonymous none=%2$d";
		for (String e : List.of("GET /api/v1/matchmaking/rules", "GET /api/v1/matchmaking/profiles",
				"GET /api/v1/matchmaking/recommendations", "GET /api/v1/matchmaking/interests",
				"GET /api/v1/matchmaking/matches")) {
			everyone(e, null, 200, 401);
		}
		for (String e : List.of("GET /matchmaking", "GET /matchmaking/recommendations", "GET /matchmaking/search",
				"GET /matchmaking/interests")) {
			everyone(e, null, 200, 302);
		}
		rule("POST /api/v1/matchmaking/consents", "{\"version\":99}", mmPeople.formatted(409, 401, 403));
		rule("DELETE /api/v1/matchmaking/consents", null, mmPeople.formatted(422, 401, 403));
		rule("PUT /api/v1/matchmaking/profile", "{}", mmPeople.formatted(422, 401, 403));
		rule("POST /matchmaking/consent", "version=99", mmPeople.formatted(302, 302, 403));
		rule("POST /matchmaking/consent/withdraw", null, mmPeople.formatted(302, 302, 403));
		rule("POST /matchmaking/profile", "nickname=", mmPeople.formatted(302, 302, 403));
		everyone("GET /api/v1/matchmaking/profile", null, 404, 401);
		everyone("PUT /api/v1/matchmaking/profile/settings", "{}", 404, 401);
		everyone("DELETE /api/v1/matchmaking/profile", null, 404, 401);
		everyone("POST /api/v1/matchmaking/blocks", "{}", 404, 401);
		everyone("POST /api/v1/matchmaking/reports", "{}", 404, 401);
		everyone("POST /matchmaking/profile/settings", null, 404, 302);
		everyone("POST /matchmaking/profile/delete", null, 404, 302);
		everyone("POST /matchmaking/blocks", null, 404, 302);
		everyone("POST /matchmaking/reports", null, 404, 302);
		everyone("POST /api/v1/matchmaking/interests", "{}", 422, 401);
		everyone("POST /matchmaking/interests", "to=", 302, 302);
		// photos: nobody of the demo accounts has a profile (404), admin has no person (404 too); the photo
		// endpoints get an id no photo has (their rules are PhotoTests')
		everyone("POST /api/v1/matchmaking/profile/photos", null, 404, 401);
		everyone("POST /matchmaking/profile/photos", null, 404, 302);
		String mmOthers = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=%1$d; orgadmin1 own=%1$d sibling=%1$d;"
				+ " finance1 own=%1$d sibling=%1$d; auditor1 own=%1$d sibling=%1$d; info1 own=%1$d sibling=%1$d;"
				+ " member1 own=%1$d sibling=%1$d; anonymous own=%2$d";
		rule("GET /api/v1/matchmaking/profiles/{id}", null, mmOthers.formatted(404, 401));
		rule("DELETE /api/v1/matchmaking/profile/photos/{id}", null, mmOthers.formatted(404, 401));
		rule("POST /matchmaking/profile/photos/{id}/delete", null, mmOthers.formatted(404, 302));
		rule("GET /api/v1/matchmaking/photos/{id}", null, mmOthers.formatted(404, 401));
		rule("GET /matchmaking/photos/{id}", null, mmOthers.formatted(404, 302));
		rule("POST /api/v1/matchmaking/interests/{id}/accept", null, mmOthers.formatted(422, 401));
		rule("POST /api/v1/matchmaking/interests/{id}/decline", null, mmOthers.formatted(422, 401));
		rule("POST /matchmaking/interests/{id}/accept", null, mmOthers.formatted(302, 302));
		rule("POST /matchmaking/interests/{id}/decline", null, mmOthers.formatted(302, 302));
		String mmReviewers = "admin none=%1$d; group1 none=403; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/matchmaking/reviews", null, mmReviewers.formatted(200, 401));
		rule("GET /matchmaking/reviews", null, mmReviewers.formatted(200, 302));
		rule("GET /api/v1/matchmaking/reports", null, "admin none=200; group1 none=403; orgadmin1 none=403;"
				+ " finance1 none=403; auditor1 none=403; info1 none=403; member1 none=403; anonymous none=401");
		String mmReview = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=403; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=403; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%2$d";
		rule("GET /api/v1/matchmaking/reviews/{id}", null, mmReview.formatted(200, 401));
		rule("GET /matchmaking/reviews/{id}", null, mmReview.formatted(200, 302));
		rule("POST /api/v1/matchmaking/profiles/{id}/review", "{}", mmReview.formatted(400, 401));
		rule("POST /matchmaking/reviews/{id}", null, mmReview.formatted(302, 302));
		// women staff's 两癌 screening (care.women.WomenMatrixObjects): member1 is a man, so own = a screening with places
		// for 市财政局 and finance1 (a woman of that organ) signed up with her result; sibling = the same for 市教育局 with
		// orgadmin2. Only the woman, her organ's women's committee (none among these users) and the federation see a
		// sign-up; union and 片组 admins do not. Sign-up is closed (422 for people, 403 for admin without a person).
		everyone("GET /api/v1/women/screenings", null, 200, 401);
		everyone("GET /api/v1/women/my-signups", null, 200, 401);
		everyone("GET /women/screenings", null, 200, 302);
		String womenPlanners = "admin none=%1$d; group1 none=403; orgadmin1 none=403; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/women/screenings", "{\"title\":\"\"}", womenPlanners.formatted(400, 401));
		rule("GET /women/screenings/new", null, womenPlanners.formatted(200, 302));
		rule("POST /women/screenings", "title=", womenPlanners.formatted(302, 302));
		String womenSeen = "admin own=%1$d sibling=%1$d; group1 own=404 sibling=404; orgadmin1 own=404 sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/women/screenings/{id}", null, womenSeen.formatted(200, 401));
		rule("GET /women/screenings/{id}", null, womenSeen.formatted(200, 302));
		rule("GET /api/v1/women/signups/{id}", null, womenSeen.formatted(200, 401));
		rule("GET /women/signups/{id}", null, womenSeen.formatted(200, 302));
		String womenCommittee = "admin own=%1$d sibling=%1$d; group1 own=404 sibling=404; orgadmin1 own=404 sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/women/screenings/{id}/signups", null, womenCommittee.formatted(200, 401));
		rule("GET /api/v1/women/screenings/{id}/signups/export", null, womenCommittee.formatted(200, 401));
		rule("GET /women/screenings/{id}/signups.xlsx", null, womenCommittee.formatted(200, 302));
		String womenSignUp = "admin own=%1$d sibling=%1$d; group1 own=%2$d sibling=%2$d; orgadmin1 own=%2$d sibling=%2$d;"
				+ " finance1 own=%2$d sibling=%2$d; auditor1 own=%2$d sibling=%2$d; info1 own=%2$d sibling=%2$d;"
				+ " member1 own=%2$d sibling=%2$d; anonymous own=%3$d";
		rule("POST /api/v1/women/screenings/{id}/signups", null, womenSignUp.formatted(403, 422, 401));
		rule("POST /women/screenings/{id}/signups", null, womenSignUp.formatted(403, 302, 302));
		// only the woman cancels (422: her result is recorded); the federation sees it and is refused
		String womenSelf = "admin own=403 sibling=403; group1 own=404 sibling=404; orgadmin1 own=404 sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/women/signups/{id}/cancellation", null, womenSelf.formatted(422, 401));
		rule("POST /women/signups/{id}/cancel", null, womenSelf.formatted(302, 302));
		// results: the federation (400: no result given); union and 片组 admins hear 403, the woman herself 403
		String womenResult = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=403; orgadmin1 own=403 sibling=403;"
				+ " finance1 own=403 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/women/signups/{id}/result", "{}", womenResult.formatted(400, 401));
		rule("POST /women/signups/{id}/result", null, womenResult.formatted(302, 302));
		// medical mutual aid (care.mutualaid.MutualAidMatrixObjects): own = sibling = the plan of 2099 (a plan is the
		// city's); the federation admin sets it up, admins enrol and see the organs they reach, book keepers pay
		everyone("GET /api/v1/care/mutual-aid/plans", null, 200, 401);
		everyone("GET /care/mutual-aid", null, 200, 302);
		String aidFederation = "admin none=%1$d; group1 none=403; orgadmin1 none=403; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/care/mutual-aid/plans", "{}", aidFederation.formatted(400, 401));
		rule("POST /care/mutual-aid", "year=", aidFederation.formatted(302, 302));
		String aidPlanFederation = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=403; orgadmin1 own=403 sibling=403;"
				+ " finance1 own=403 sibling=403; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%2$d";
		rule("PUT /api/v1/care/mutual-aid/plans/{id}/targets", "{}", aidPlanFederation.formatted(400, 401));
		rule("GET /care/mutual-aid/{id}/targets", null, aidPlanFederation.formatted(200, 302));
		rule("POST /care/mutual-aid/{id}/targets", null, aidPlanFederation.formatted(302, 302));
		String aidSeen = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=%1$d; orgadmin1 own=%1$d sibling=%1$d;"
				+ " finance1 own=%1$d sibling=%1$d; auditor1 own=%1$d sibling=%1$d; info1 own=%1$d sibling=%1$d;"
				+ " member1 own=%1$d sibling=%1$d; anonymous own=%2$d";
		rule("GET /api/v1/care/mutual-aid/plans/{id}", null, aidSeen.formatted(200, 401));
		String aidAdmins = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=%1$d; orgadmin1 own=%1$d sibling=%1$d;"
				+ " finance1 own=403 sibling=403; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%2$d";
		rule("POST /api/v1/care/mutual-aid/plans/{id}/enrolments", "{}", aidAdmins.formatted(400, 401));
		rule("POST /api/v1/care/mutual-aid/plans/{id}/enrolments/import", null, aidAdmins.formatted(400, 401));
		rule("GET /api/v1/care/mutual-aid/plans/{id}/people", null, aidAdmins.formatted(200, 401));
		rule("GET /api/v1/care/mutual-aid/plans/{id}/progress", null, aidAdmins.formatted(200, 401));
		rule("GET /api/v1/care/mutual-aid/plans/{id}/progress/export", null, aidAdmins.formatted(200, 401));
		rule("GET /api/v1/care/mutual-aid/plans/{id}/payments", null, aidAdmins.formatted(200, 401));
		rule("GET /care/mutual-aid/{id}", null, aidAdmins.formatted(200, 302));
		rule("GET /care/mutual-aid/{id}/export", null, aidAdmins.formatted(200, 302));
		rule("GET /care/mutual-aid/{id}/enrol", null, aidAdmins.formatted(200, 302));
		rule("POST /care/mutual-aid/{id}/enrolments", null, aidAdmins.formatted(302, 302));
		rule("POST /care/mutual-aid/{id}/enrolments/import", null, aidAdmins.formatted(302, 302));
		// withdrawal of an enrolment: {personId} (orgadmin2) is not enrolled in the plan of 2099, so admins meet 404
		// and nothing changes; the API test withdraws real enrolments
		rule("POST /api/v1/care/mutual-aid/plans/{id}/enrolments/{personId}/withdrawal", "{\"reason\":\"x\"}",
				aidAdmins.formatted(404, 401));
		rule("GET /care/mutual-aid/{id}/enrolments/{personId}/withdraw", null, aidAdmins.formatted(404, 302));
		rule("POST /care/mutual-aid/{id}/enrolments/{personId}/withdraw", "reason=x", aidAdmins.formatted(404, 302));
		String aidPayers = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=%1$d; orgadmin1 own=%1$d sibling=%1$d;"
				+ " finance1 own=%1$d sibling=%1$d; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%2$d";
		rule("POST /api/v1/care/mutual-aid/plans/{id}/payments", "{}", aidPayers.formatted(400, 401));
		rule("POST /care/mutual-aid/{id}/payments", null, aidPayers.formatted(302, 302));
		// care: visits 走访慰问 (care.visits.VisitMatrixObjects): own = a plan paid by 市财政局工会 with member1 on its
		// list, visited; sibling = the same of 市教育局工会 with orgadmin2. Admins see plans that meet their grants,
		// keep those of their books, record visits of the people they administer; writes meet 400/409/422
		everyone("GET /api/v1/care/visit-plans", null, 200, 401);
		everyone("GET /care/visits", null, 200, 302);
		String visitAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/care/visit-plans", "{\"title\":\"\"}", visitAdmins.formatted(400, 401));
		rule("POST /care/visits", "title=", visitAdmins.formatted(302, 302));
		rule("GET /care/visits/new", null, visitAdmins.formatted(200, 302));
		String visitSeen = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/care/visit-plans/{id}", null, visitSeen.formatted(200, 401));
		rule("GET /api/v1/care/visit-plans/{id}/recipients", null, visitSeen.formatted(200, 401));
		rule("GET /api/v1/care/visit-plans/{id}/board", null, visitSeen.formatted(200, 401));
		rule("GET /api/v1/care/visit-plans/{id}/board/export", null, visitSeen.formatted(200, 401));
		rule("GET /api/v1/care/visits/{id}", null, visitSeen.formatted(200, 401));
		rule("GET /care/visits/{id}", null, visitSeen.formatted(200, 302));
		rule("GET /care/visits/{id}/board", null, visitSeen.formatted(200, 302));
		rule("GET /care/visits/{id}/board.xlsx", null, visitSeen.formatted(200, 302));
		rule("GET /care/visits/recipients/{id}", null, visitSeen.formatted(200, 302));
		rule("PUT /api/v1/care/visit-plans/{id}/budget", "{\"budget\":\"1\"}", visitSeen.formatted(400, 401));
		rule("POST /care/visits/{id}/budget", "budget=", visitSeen.formatted(302, 302));
		rule("POST /api/v1/care/visit-plans/{id}/recipients", "{}", visitSeen.formatted(400, 401));
		rule("POST /care/visits/{id}/recipients", "personId=", visitSeen.formatted(302, 302));
		rule("POST /api/v1/care/visit-plans/{id}/recipients/from-registers", "{}", visitSeen.formatted(400, 401));
		rule("POST /care/visits/{id}/recipients/from-registers", "kind=", visitSeen.formatted(302, 302));
		rule("POST /api/v1/care/visits", "{\"recipientId\":{id}}", visitSeen.formatted(409, 401));
		rule("POST /care/visits/recipients/{id}/visit", null, visitSeen.formatted(302, 302));
		rule("DELETE /api/v1/care/visit-recipients/{id}", null, visitSeen.formatted(422, 401));
		rule("POST /care/visits/recipients/{id}/remove", null, visitSeen.formatted(302, 302));
		rule("POST /api/v1/care/visits/{id}/photo", null, visitSeen.formatted(400, 401));
		// the matrix's visits have no photo: 404 for whoever sees them (VisitApiTests downloads one)
		String visitNoPhoto = "admin own=404 sibling=404; group1 own=404 sibling=404; orgadmin1 own=404 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("GET /api/v1/care/visits/{id}/photo", null, visitNoPhoto.formatted(401));
		rule("GET /care/visits/records/{id}/photo", null, visitNoPhoto.formatted(302));
		// care: visits' sick reports 患病住院登记 (care.visits.VisitMatrixObjects): own = a closed report of member1,
		// sibling = one of orgadmin2; only the person's admins (organ, 片组, federation) see it; writes meet 409/422
		everyone("GET /api/v1/care/sick-reports", null, 200, 401);
		everyone("GET /care/visits/sick-reports", null, 200, 302);
		rule("POST /api/v1/care/sick-reports", "{}", visitAdmins.formatted(400, 401));
		rule("POST /care/visits/sick-reports", "personId=", visitAdmins.formatted(302, 302));
		rule("GET /api/v1/care/sick-reports/{id}", null, visitSeen.formatted(200, 401));
		rule("GET /care/visits/sick-reports/{id}", null, visitSeen.formatted(200, 302));
		rule("PUT /api/v1/care/sick-reports/{id}", "{}", visitSeen.formatted(422, 401));
		rule("POST /care/visits/sick-reports/{id}", "hospital=", visitSeen.formatted(302, 302));
		rule("POST /api/v1/care/sick-reports/{id}/close", null, visitSeen.formatted(409, 401));
		rule("POST /care/visits/sick-reports/{id}/close", null, visitSeen.formatted(302, 302));
		// notice (通知公告, 材料报送): own = addressed to 市财政局工会, sibling = to 市教育局工会, both sent by the
		// learning: own = an article of 市财政局工会 assigned to it (the people of 市财政局 study it), sibling the same of
		// 市教育局工会 (org.quntuan.learning.materials.LearningMatrixObjects). admin has no person: opening and 学完 are 422
		everyone("GET /api/v1/learning/materials", null, 200, 401);
		everyone("GET /api/v1/learning/mine", null, 200, 401);
		everyone("GET /learning", null, 200, 302);
		everyone("GET /learning/home-card", null, 200, 302);
		everyone("GET /learning/materials", null, 200, 302);
		String learningAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/learning/materials", "{}", learningAdmins.formatted(400, 401));
		rule("POST /api/v1/learning/assignments", "{}", learningAdmins.formatted(400, 401));
		rule("GET /learning/materials/new", null, learningAdmins.formatted(200, 302));
		rule("POST /learning/materials", "title=", learningAdmins.formatted(302, 302));
		rule("GET /learning/assignments/new", null, learningAdmins.formatted(200, 302));
		rule("POST /learning/assignments", "title=", learningAdmins.formatted(302, 302));
		String materialRead = "admin own=%1$d sibling=%1$d; group1 own=%2$d sibling=404; orgadmin1 own=%2$d sibling=404;"
				+ " finance1 own=%2$d sibling=404; auditor1 own=%3$d sibling=404; info1 own=%2$d sibling=404;"
				+ " member1 own=%2$d sibling=404; anonymous own=%4$d";
		rule("GET /api/v1/learning/materials/{id}", null, materialRead.formatted(200, 200, 404, 401));
		rule("GET /learning/materials/{id}", null, materialRead.formatted(200, 200, 404, 302));
		rule("POST /api/v1/learning/materials/{id}/open", null, materialRead.formatted(422, 200, 404, 401));
		rule("POST /api/v1/learning/materials/{id}/completion", null, materialRead.formatted(422, 422, 404, 401));
		rule("POST /learning/materials/{id}/completion", null, materialRead.formatted(302, 302, 404, 302));
		// an article has no file
		rule("GET /api/v1/learning/materials/{id}/file", null, materialRead.formatted(404, 404, 404, 401));
		rule("GET /learning/materials/{id}/file", null, materialRead.formatted(404, 404, 404, 302));
		String materialManage = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=404 sibling=404; info1 own=403 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/learning/materials/{id}/file", null, materialManage.formatted(422, 401));
		rule("POST /learning/materials/{id}/file", null, materialManage.formatted(302, 302));
		// editing with a blank title, withdrawing with a stale version: refused, nothing changes
		rule("PUT /api/v1/learning/materials/{id}", "{}", materialManage.formatted(400, 401));
		rule("POST /api/v1/learning/materials/{id}/withdrawal", "{\"version\":-1}", materialManage.formatted(409, 401));
		rule("GET /learning/materials/{id}/edit", null, materialManage.formatted(200, 302));
		rule("POST /learning/materials/{id}/edit", "title=", materialManage.formatted(302, 302));
		rule("POST /learning/materials/{id}/withdrawal", "version=-1", materialManage.formatted(302, 302));
		String progress = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=404 sibling=404; info1 own=403 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%d";
		rule("GET /api/v1/learning/assignments/{id}/progress", null, progress.formatted(401));
		rule("GET /api/v1/learning/assignments/{id}/progress/export", null, progress.formatted(401));
		rule("GET /learning/assignments/{id}", null, progress.formatted(302));
		rule("GET /learning/assignments/{id}/export", null, progress.formatted(302));
		// topic tags: the federation admin only; own = the tag 理论学习, sent a blank name or its own state (nothing changes)
		everyone("GET /api/v1/learning/tags", null, 200, 401);
		String tagKeepers = "admin own=%1$d; group1 own=403; orgadmin1 own=403; finance1 own=403; auditor1 own=403;"
				+ " info1 own=403; member1 own=403; anonymous own=%2$d";
		rule("GET /learning/tags", null, tagKeepers.formatted(200, 302));
		rule("POST /api/v1/learning/tags", "{\"name\":\"\"}", tagKeepers.formatted(400, 401));
		rule("POST /learning/tags", "name=", tagKeepers.formatted(302, 302));
		rule("PUT /api/v1/learning/tags/{id}", "{\"name\":\"\"}", tagKeepers.formatted(400, 401));
		rule("POST /learning/tags/{id}", "name=", tagKeepers.formatted(302, 302));
		rule("POST /learning/tags/{id}/active", "active=true", tagKeepers.formatted(302, 302));

		// federation admin (org.quntuan.notice.notices.NoticeMatrixObjects: withdrawn notices, tasks without submissions);
		// {orgId} is 市财政局工会, a target of "own" only
		everyone("GET /api/v1/notices", null, 200, 401);
		everyone("GET /notices", null, 200, 302);
		everyone("GET /notices/public-card", null, 200, 302);
		everyone("GET /api/v1/collections", null, 200, 401);
		String noticeSenders = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/notices", "{}", noticeSenders.formatted(400, 401));
		rule("GET /notices/new", null, noticeSenders.formatted(200, 302));
		rule("POST /notices", "title=", noticeSenders.formatted(200, 302));
		rule("POST /api/v1/collections", "{}", noticeSenders.formatted(400, 401));
		rule("GET /collections", null, noticeSenders.formatted(200, 302));
		rule("GET /collections/new", null, noticeSenders.formatted(200, 302));
		rule("POST /collections", "title=", noticeSenders.formatted(200, 302));
		String noticeRead = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("GET /api/v1/notices/{id}", null, noticeRead.formatted(401));
		rule("GET /notices/{id}", null, noticeRead.formatted(302));
		rule("GET /api/v1/collections/{id}", null, noticeRead.formatted(401));
		rule("GET /api/v1/collections/{id}/status", null, noticeRead.formatted(401));
		rule("GET /collections/{id}", null, noticeRead.formatted(302));
		String noticeManage = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/notices/{id}/receipts", null, noticeManage.formatted(200, 401));
		rule("GET /notices/{id}/receipts/export", null, noticeManage.formatted(200, 302));
		rule("POST /api/v1/notices/{id}/remind", null, noticeManage.formatted(422, 401));
		rule("POST /api/v1/notices/{id}/withdraw", "{\"reason\":\"\"}", noticeManage.formatted(400, 401));
		rule("POST /api/v1/notices/{id}/attachments", null, noticeManage.formatted(422, 401));
		rule("POST /notices/{id}/remind", null, noticeManage.formatted(302, 302));
		// 催报 reaches the collector side only; it notifies the admins of the unsubmitted target once a day
		rule("POST /api/v1/collections/{id}/reminders", null, noticeManage.formatted(200, 401));
		rule("POST /collections/{id}/reminders", null, noticeManage.formatted(302, 302));
		rule("POST /notices/{id}/withdraw", "reason=", noticeManage.formatted(302, 302));
		rule("POST /api/v1/collections/{id}/template", null, noticeManage.formatted(400, 401));
		rule("GET /api/v1/collections/{id}/status/export", null, noticeManage.formatted(200, 401));
		rule("GET /api/v1/collections/{id}/accepted-files", null, noticeManage.formatted(200, 401));
		rule("GET /collections/{id}/export", null, noticeManage.formatted(200, 302));
		rule("GET /collections/{id}/accepted-files", null, noticeManage.formatted(200, 302));
		String submissionRead = "admin own=200 sibling=404; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("GET /api/v1/collections/{id}/submissions/{orgId}", null, submissionRead.formatted(401));
		rule("GET /collections/{id}/submissions/{orgId}", null, submissionRead.formatted(302));
		// an upload without a file: 400 (a page redirect) for the admins of a target, who see the task
		String upload = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/collections/{id}/submissions", null, upload.formatted(400, 401));
		rule("POST /collections/{id}/submissions", null, upload.formatted(302, 302));
		// reviews of 市财政局工会, which has not submitted (422), or without a reason (400); not a target of "sibling"
		String review = "admin own=%1$d sibling=%3$d; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/collections/{id}/submissions/{orgId}/accept", null, review.formatted(422, 401, 404));
		rule("POST /api/v1/collections/{id}/submissions/{orgId}/return", "{\"reason\":\"\"}", review.formatted(400, 401, 400));
		rule("POST /collections/{id}/submissions/{orgId}/accept", null, review.formatted(302, 302, 404));
		rule("POST /collections/{id}/submissions/{orgId}/return", "reason=", review.formatted(302, 302, 302));
		// {fileId} needs an uploaded file: NoticeTests.attachmentsAreDownloadedOnlyByThoseWhoSeeTheNotice,
		// CollectionTests.anOrganUploadsIsReturnedResubmitsAndIsAccepted and .anOrgReplacesAFileUntilItIsReviewed
		everyone("GET /api/v1/notices/{id}/attachments/{fileId}", null, SKIPPED, SKIPPED);
		everyone("GET /notices/{id}/attachments/{fileId}", null, SKIPPED, SKIPPED);
		everyone("GET /api/v1/collections/{id}/files/{fileId}", null, SKIPPED, SKIPPED);
		everyone("GET /collections/{id}/files/{fileId}", null, SKIPPED, SKIPPED);
		everyone("DELETE /api/v1/collections/{id}/submissions/{orgId}/files/{fileId}", null, SKIPPED, SKIPPED);
		everyone("POST /collections/{id}/submissions/{orgId}/files/{fileId}/delete", null, SKIPPED, SKIPPED);
		// activity (活动): own = an activity of 市财政局工会 open to everyone, registration closed (422 for people,
		// 422 for admin, who has no person); sibling = one of 市教育局工会 for the people of 市教育局 only.
		// Organizers: admins whose scope covers the organizer org. {registrationId} is a cancelled registration
		// on the own activity (409 for organizers); {fileId} is no photo (404 after the access check).
		everyone("GET /api/v1/activities", null, 200, 401);
		everyone("GET /api/v1/activities/mine", null, 200, 401);
		everyone("GET /activities", null, 200, 302);
		everyone("GET /activities/mine", null, 200, 302);
		String activityAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /api/v1/activities/managed", null, activityAdmins.formatted(200, 401));
		rule("GET /activities/manage", null, activityAdmins.formatted(200, 302));
		rule("GET /activities/new", null, activityAdmins.formatted(200, 302));
		rule("POST /api/v1/activities", "{}", activityAdmins.formatted(400, 401));
		rule("POST /activities", "title=", activityAdmins.formatted(200, 302));
		String activityRead = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=200 sibling=404; auditor1 own=200 sibling=404; info1 own=200 sibling=404;"
				+ " member1 own=200 sibling=404; anonymous own=%d";
		rule("GET /api/v1/activities/{id}", null, activityRead.formatted(401));
		rule("GET /activities/{id}", null, activityRead.formatted(302));
		rule("GET /activities/{id}/calendar.ics", null, activityRead.formatted(302));
		rule("GET /activities/{id}/check-in", null, activityRead.formatted(302));
		rule("GET /activities/{id}/check-out", null, activityRead.formatted(302));
		String activityManage = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=403 sibling=404; info1 own=403 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("PUT /api/v1/activities/{id}", "{}", activityManage.formatted(400, 401));
		rule("PUT /api/v1/activities/{id}/seats", "{}", activityManage.formatted(400, 401));
		rule("GET /api/v1/activities/{id}/registrations", null, activityManage.formatted(200, 401));
		rule("GET /api/v1/activities/{id}/registrations/export", null, activityManage.formatted(200, 401));
		rule("POST /api/v1/activities/{id}/registrations/manual", "{}", activityManage.formatted(400, 401));
		rule("POST /api/v1/activities/{id}/registrations/{registrationId}/approve", null, activityManage.formatted(409, 401)
			.replace("admin own=409 sibling=409", "admin own=409 sibling=404"));
		rule("POST /api/v1/activities/{id}/registrations/{registrationId}/reject", null, activityManage.formatted(409, 401)
			.replace("admin own=409 sibling=409", "admin own=409 sibling=404"));
		rule("DELETE /api/v1/activities/{id}/registrations/{registrationId}", null, activityManage.formatted(409, 401)
			.replace("admin own=409 sibling=409", "admin own=409 sibling=404"));
		rule("GET /api/v1/activities/{id}/check-in-code", null, activityManage.formatted(200, 401));
		rule("GET /activities/{id}/registrants", null, activityManage.formatted(200, 302));
		rule("GET /activities/{id}/registrants/export", null, activityManage.formatted(200, 302));
		rule("GET /activities/{id}/check-in-code", null, activityManage.formatted(200, 302));
		rule("GET /api/v1/activities/{id}/check-out-code", null, activityManage.formatted(200, 401));
		rule("GET /activities/{id}/check-out-code", null, activityManage.formatted(200, 302));
		rule("POST /activities/{id}/seats", "seats=", activityManage.formatted(302, 302));
		rule("POST /activities/{id}/registrants", "personId=", activityManage.formatted(302, 302));
		for (String e : List.of("approve", "reject", "remove")) {
			rule("POST /activities/{id}/registrants/{registrationId}/" + e, null, activityManage.formatted(302, 302)
				.replace("admin own=302 sibling=302", "admin own=302 sibling=404"));
		}
		rule("POST /activities/{id}/photos", null, activityManage.formatted(302, 302));
		// calling an activity off cannot be undone: ActivityApiTests.cancellingAnActivityTellsEveryoneRegistered covers it
		everyone("POST /api/v1/activities/{id}/cancel", null, SKIPPED, SKIPPED);
		everyone("POST /activities/{id}/cancel", null, SKIPPED, SKIPPED);
		String activityPhoto = "admin own=404 sibling=404; group1 own=404 sibling=404; orgadmin1 own=404 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=302";
		rule("GET /activities/{id}/photos/{fileId}", null, activityPhoto);
		// activity cover image: uploads are sent without a file (400 / a flash error for organizers, nothing stored);
		// the own activity has no cover, so those who see it get 404 as well (ActivityPageTests
		// .anOrganizerUploadsACoverAndMembersSeeIt covers serving one)
		rule("POST /api/v1/activities/{id}/cover", null, activityManage.formatted(400, 401));
		rule("POST /activities/{id}/cover", null, activityManage.formatted(302, 302));
		rule("GET /activities/{id}/cover", null, activityPhoto);
		// taking part: admin has no person (422); others reach the closed window (422) or a bad body (400) on the
		// own activity; on the sibling one they are outside the audience (403 to register, 404 otherwise)
		String activityTakePart = "admin own=%1$d sibling=%2$d; group1 own=%3$d sibling=%4$d; orgadmin1 own=%3$d sibling=%4$d;"
				+ " finance1 own=%3$d sibling=%4$d; auditor1 own=%3$d sibling=%4$d; info1 own=%3$d sibling=%4$d;"
				+ " member1 own=%3$d sibling=%4$d; anonymous own=%5$d";
		rule("POST /api/v1/activities/{id}/registrations", null, activityTakePart.formatted(422, 422, 422, 403, 401));
		rule("DELETE /api/v1/activities/{id}/registrations/mine", null, activityTakePart.formatted(422, 422, 422, 404, 401));
		rule("POST /api/v1/activities/{id}/check-in", "{\"token\":\"x\"}", activityTakePart.formatted(422, 422, 400, 404, 401));
		rule("POST /api/v1/activities/{id}/feedback", "{}", activityTakePart.formatted(422, 422, 400, 404, 401));
		rule("POST /activities/{id}/register", null, activityTakePart.formatted(302, 302, 302, 403, 302));
		rule("POST /activities/{id}/cancel-registration", null, activityTakePart.formatted(302, 302, 302, 404, 302));
		rule("POST /activities/{id}/check-in", "t=x", activityTakePart.formatted(302, 302, 302, 404, 302));
		// check-out: a forged token is refused first (400) for those who see the activity, as at check-in
		rule("POST /api/v1/activities/{id}/check-out", "{\"token\":\"x\"}", activityTakePart.formatted(422, 422, 400, 404, 401));
		rule("POST /activities/{id}/check-out", "t=x", activityTakePart.formatted(302, 302, 302, 404, 302));
		rule("POST /activities/{id}/feedback", "stars=", activityTakePart.formatted(302, 302, 302, 404, 302));
		// finance: expenses, recorded income, budgets page (org.quntuan.finance.expenses.ExpenseMatrixObjects). Books are read
		// by admins, finance officers and auditors whose grant covers them, kept by all of them but auditors (403);
		// info1 and member1 read none (404). {id}: a rejected expense of 市财政局工会 filed by finance1 (own) or of
		// 市教育局工会 filed by orgadmin2 (sibling), or an unposted income of either; every step on the expense is
		// refused as it was decided (422, a page redirect), only its applicant gets that far. Filings name a
		// category that does not exist (400, a page redirect), so nothing is stored. Lists without orgId show the
		// caller's default book.
		String financeRead = "admin none=200; group1 none=200; orgadmin1 none=200; finance1 none=200; auditor1 none=200;"
				+ " info1 none=404; member1 none=404; anonymous none=%d";
		for (String e : List.of("GET /api/v1/finance/expenses", "GET /api/v1/finance/incomes")) {
			rule(e, null, financeRead.formatted(401));
		}
		for (String e : List.of("GET /finance/expenses", "GET /finance/expenses/export", "GET /finance/incomes",
				"GET /finance/incomes/export", "GET /finance/budgets", "GET /finance/budgets/export")) {
			rule(e, null, financeRead.formatted(302));
		}
		rule("GET /finance/expenses/new", null, "admin none=200; group1 none=200; orgadmin1 none=200; finance1 none=200;"
				+ " auditor1 none=403; info1 none=404; member1 none=404; anonymous none=302");
		String financeFile = "admin own=%1$d child=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=403 child=403; info1 own=404; member1 own=404; anonymous own=%2$d";
		String badCategory = "\"orgId\":{id},\"category\":\"NOPE\",\"amount\":\"1.00\",\"purpose\":\"x\",\"counterparty\":\"x\"";
		rule("POST /api/v1/finance/expenses", "{" + badCategory.replace(",\"counterparty\":\"x\"", "") + "}",
				financeFile.formatted(400, 401));
		rule("POST /api/v1/finance/incomes", "{" + badCategory.replace(",\"purpose\":\"x\"", "") + "}",
				financeFile.formatted(400, 401));
		rule("POST /finance/expenses", "orgId={id}&category=NOPE&amount=1.00&purpose=x", financeFile.formatted(302, 302));
		rule("POST /finance/incomes", "orgId={id}&category=NOPE&amount=1.00&counterparty=x", financeFile.formatted(302, 302));
		rule("POST /finance/budgets", "orgId={id}&year=2050&category=NOPE&amount=1.00", financeFile.formatted(302, 302));
		String financeItem = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=%2$d sibling=%2$d; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%3$d";
		rule("GET /api/v1/finance/expenses/{id}", null, financeItem.formatted(200, 200, 401));
		rule("GET /finance/expenses/{id}", null, financeItem.formatted(200, 200, 302));
		rule("GET /api/v1/finance/incomes/{id}", null, financeItem.formatted(200, 200, 401));
		rule("POST /api/v1/finance/expenses/{id}/receipts", null, financeItem.formatted(422, 403, 401));
		rule("POST /finance/expenses/{id}/receipts", null, financeItem.formatted(302, 403, 302));
		rule("POST /api/v1/finance/incomes/{id}/documents", null, financeItem.formatted(400, 403, 401));
		rule("POST /finance/incomes/{id}/documents", null, financeItem.formatted(302, 403, 302));
		// no file 0 on any expense or income: 404 after the access check
		rule("GET /finance/expenses/{id}/receipts/{fileId}", null, financeItem.formatted(404, 404, 302));
		rule("GET /finance/incomes/{id}/documents/{fileId}", null, financeItem.formatted(404, 404, 302));
		// the applicant's own steps: others who keep the book get 403
		String expenseApplicant = "admin own=403 sibling=403; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=403 sibling=403; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("PUT /api/v1/finance/expenses/{id}", "{\"version\":-1}", expenseApplicant.formatted(422, 401));
		rule("POST /api/v1/finance/expenses/{id}/resubmit", "{}", expenseApplicant.formatted(422, 401));
		rule("POST /api/v1/finance/expenses/{id}/withdraw", "{}", expenseApplicant.formatted(422, 401));
		rule("POST /finance/expenses/{id}/resubmit", "amount=", expenseApplicant.formatted(302, 302));
		rule("POST /finance/expenses/{id}/withdraw", null, expenseApplicant.formatted(302, 302));
		// organization: leadership teams and re-elections. The leadership of an org is read like the org. Filing
		// checks access first, then the kind of org (422 for a committee, group or organ) and the body (400: a
		// planned date more than a year ahead), so nothing is filed.
		String leadershipRead = "admin own=200 child=200; group1 own=200 child=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=200 sibling=404; auditor1 own=200 child=200; info1 own=200 child=200 sibling=404;"
				+ " member1 own=200 child=200 sibling=404; anonymous own=%d";
		rule("GET /api/v1/orgs/{id}/leadership", null, leadershipRead.formatted(401));
		rule("GET /orgs/{id}/leadership", null, leadershipRead.formatted(302));
		String reelectionFile = "admin own=%1$d child=%1$d; group1 own=%1$d child=%1$d sibling=404; orgadmin1 own=%2$d sibling=404;"
				+ " finance1 own=403 sibling=404; auditor1 own=403 child=403; info1 own=403 child=403 sibling=404;"
				+ " member1 own=403 child=403 sibling=404; anonymous own=%3$d";
		rule("POST /api/v1/orgs/{id}/reelections", "{\"plannedDate\":\"2099-01-01\",\"reason\":\"x\",\"candidates\":[-1]}",
				reelectionFile.formatted(422, 400, 401));
		rule("POST /orgs/{id}/reelections", "plannedDate=2099-01-01&reason=x&candidates=-1", reelectionFile.formatted(302, 302, 302));
		rule("GET /orgs/{id}/reelections/new", null, reelectionFile.formatted(200, 200, 302));
		rule("GET /orgs/{id}/reelections/picker", null, reelectionFile.formatted(200, 200, 302));
		// the board: admins, each over their own reach
		String reelectionBoard = "admin none=200; group1 none=200; orgadmin1 none=200; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%d";
		rule("GET /api/v1/reelections/board", null, reelectionBoard.formatted(401));
		rule("GET /reelections", null, reelectionBoard.formatted(302));
		rule("GET /reelections/export", null, reelectionBoard.formatted(302));
		// {id}: a completed re-election of 市财政局工会 (own) or 市教育局工会 (sibling): admins of the org and above
		// see it; every step on it is refused as the re-election has ended (422, a page redirect)
		String reelectionRead = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("GET /api/v1/reelections/{id}", null, reelectionRead.formatted(401));
		rule("GET /reelections/{id}", null, reelectionRead.formatted(302));
		String reelectionStep = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=%3$d sibling=404; auditor1 own=%3$d sibling=%3$d; info1 own=%3$d sibling=404;"
				+ " member1 own=%3$d sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/reelections/{id}/result", "{\"heldOn\":\"2026-01-01\",\"votes\":[{\"personId\":1,\"votes\":1}],"
				+ "\"elected\":[{\"personId\":1,\"position\":\"CHAIR\"}]}", reelectionStep.formatted(422, 401, 403));
		rule("POST /api/v1/reelections/{id}/resubmit", "{\"plannedDate\":\"2099-01-01\",\"reason\":\"x\",\"candidates\":[1]}",
				reelectionStep.formatted(422, 401, 403));
		rule("POST /api/v1/reelections/{id}/withdraw", "{\"reason\":\"x\"}", reelectionStep.formatted(422, 401, 403));
		rule("POST /api/v1/reelections/{id}/attachments", null, reelectionStep.formatted(422, 401, 403));
		rule("POST /reelections/{id}/withdraw", "reason=x", reelectionStep.formatted(302, 302, 403));
		rule("POST /reelections/{id}/attachments", null, reelectionStep.formatted(302, 302, 403));
		// these pages read the re-election first, which is 404 for those who may not see it
		rule("POST /reelections/{id}/result", "heldOn=", reelectionStep.formatted(302, 302, 404));
		rule("POST /reelections/{id}/resubmit", "reason=", reelectionStep.formatted(302, 302, 404));
		// {fileId} needs an uploaded file: ReelectionTests.attachmentsArePdfOrWordOnlyAndOnlyForThoseWhoSeeTheReElection
		everyone("GET /api/v1/reelections/{id}/attachments/{fileId}", null, SKIPPED, SKIPPED);
		everyone("GET /reelections/{id}/attachments/{fileId}", null, SKIPPED, SKIPPED);
		// notice: statistical forms (统计报表) and information reports (信息报送), objects of
		// org.quntuan.notice.forms.FormMatrixObjects. Forms: own = sent by the federation to 市财政局工会, sibling = to
		// 市教育局工会, {orgId} = 市财政局工会 (a target of "own" only); values sent are refused (400) so nothing changes.
		everyone("GET /api/v1/forms", null, 200, 401);
		String formAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /forms", null, formAdmins.formatted(200, 302));
		rule("GET /forms/new", null, formAdmins.formatted(200, 302));
		rule("POST /forms", "title=", formAdmins.formatted(200, 302));
		rule("POST /api/v1/forms", "{}", formAdmins.formatted(400, 401));
		String formRead = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("GET /api/v1/forms/{id}", null, formRead.formatted(401));
		rule("GET /forms/{id}", null, formRead.formatted(302));
		String formSender = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/forms/{id}/responses", null, formSender.formatted(200, 401));
		rule("GET /api/v1/forms/{id}/aggregate", null, formSender.formatted(200, 401));
		rule("GET /api/v1/forms/{id}/export", null, formSender.formatted(200, 401));
		rule("GET /forms/{id}/export", null, formSender.formatted(200, 302));
		rule("POST /api/v1/forms/{id}/reminders", null, formSender.formatted(200, 401));
		rule("POST /forms/{id}/reminders", null, formSender.formatted(302, 302));
		String formResponse = "admin own=%1$d sibling=404; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/forms/{id}/responses/{orgId}", null, formResponse.formatted(200, 401));
		rule("GET /forms/{id}/responses/{orgId}", null, formResponse.formatted(200, 302));
		rule("PUT /api/v1/forms/{id}/responses/{orgId}", "{\"values\":{\"0\":\"x\"}}", formResponse.formatted(400, 401));
		rule("POST /forms/{id}/responses/{orgId}", "value-0=x", formResponse.formatted(200, 302));
		String formReturn = "admin own=%1$d sibling=404; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/forms/{id}/responses/{orgId}/return", "{\"reason\":\"\"}", formReturn.formatted(400, 401));
		rule("POST /forms/{id}/responses/{orgId}/return", "reason=", formReturn.formatted(302, 302));
		// information reports: own = info1's item of 市财政局, sibling = an item of 市教育局, both waiting
		everyone("GET /api/v1/info-reports", null, 200, 401);
		everyone("GET /info-reports", null, 200, 302);
		everyone("GET /info-reports/export", null, 200, 302);
		String officersOnly = "admin none=403; group1 none=403; orgadmin1 none=403; finance1 none=403; auditor1 none=403;"
				+ " info1 none=%1$d; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/info-reports", "{}", officersOnly.formatted(400, 401));
		rule("POST /info-reports", "title=", officersOnly.formatted(200, 302));
		rule("GET /info-reports/new", null, officersOnly.formatted(200, 302));
		String infoRead = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=200 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("GET /api/v1/info-reports/{id}", null, infoRead.formatted(401));
		rule("GET /info-reports/{id}", null, infoRead.formatted(302));
		// no photo 0 on any item: 404 after the access check
		rule("GET /api/v1/info-reports/{id}/photos/{fileId}", null, infoRead.formatted(401).replace("=200", "=404"));
		rule("GET /info-reports/{id}/photos/{fileId}", null, infoRead.formatted(302).replace("=200", "=404"));
		// a photo only by its author while waiting: info1 without a file gets 400
		rule("POST /api/v1/info-reports/{id}/photos", null, "admin own=403 sibling=403; group1 own=403 sibling=404;"
				+ " orgadmin1 own=403 sibling=404; finance1 own=404 sibling=404; auditor1 own=404 sibling=404;"
				+ " info1 own=400 sibling=404; member1 own=404 sibling=404; anonymous own=401");
		// marking: the federation admin only (a status that does not exist: 400, a page redirect)
		String infoMark = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=403; orgadmin1 own=403 sibling=403;"
				+ " finance1 own=403 sibling=403; auditor1 own=403 sibling=403; info1 own=403 sibling=403;"
				+ " member1 own=403 sibling=403; anonymous own=%2$d";
		rule("POST /api/v1/info-reports/{id}/mark", "{\"status\":\"NOPE\"}", infoMark.formatted(400, 401));
		rule("POST /info-reports/{id}/mark", "status=NOPE", infoMark.formatted(302, 302));
		rule("GET /api/v1/info-reports/ranking", null, formAdmins.formatted(200, 401));
		rule("GET /api/v1/info-reports/ranking/export", null, formAdmins.formatted(200, 401));
		rule("GET /info-reports/ranking", null, formAdmins.formatted(200, 302));
		rule("GET /info-reports/ranking/export", null, formAdmins.formatted(200, 302));
		// finance, the books: own = 市财政局工会's book or one of its entries, sibling = 市教育局工会's (another 片组).
		// A GET's "body" is its query string. Readers: admins over the book, its finance officers, auditors;
		// keepers the same but auditors (403: read-only on money). Writes stop at a missing reason, an
		// unknown category or a year not yet over, so nothing changes.
		everyone("GET /api/v1/finance/categories", null, 200, 401);
		everyone("GET /api/v1/finance/books", null, 200, 401);
		String fedOnly = "admin none=%1$d; group1 none=403; orgadmin1 none=403; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/finance/categories", "{\"code\":\"x\"}", fedOnly.formatted(400, 401));
		rule("PUT /api/v1/finance/categories/{code}", "{}", fedOnly.formatted(400, 401));
		rule("POST /finance/categories", "code=x", fedOnly.formatted(302, 302));
		// re-activates the active 会费收入: no change
		rule("POST /finance/categories/{code}/active", "active=true", fedOnly.formatted(302, 302));
		rule("GET /finance/categories", null, "admin none=200; group1 none=200; orgadmin1 none=200; finance1 none=200;"
				+ " auditor1 none=200; info1 none=403; member1 none=403; anonymous none=302");
		String bookRead = "admin own=200 sibling=200; group1 own=200 sibling=404; orgadmin1 own=200 sibling=404;"
				+ " finance1 own=200 sibling=404; auditor1 own=200 sibling=200; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%d";
		rule("GET /api/v1/finance/journal", "orgId={id}", bookRead.formatted(401));
		rule("GET /api/v1/finance/statement", "orgId={id}&year=2026", bookRead.formatted(401));
		rule("GET /api/v1/finance/budgets", "orgId={id}&year=2026", bookRead.formatted(401));
		rule("GET /api/v1/finance/entries/{id}", null, bookRead.formatted(401));
		rule("GET /finance", "orgId={id}", bookRead.formatted(302));
		rule("GET /finance/export", "orgId={id}", bookRead.formatted(302));
		rule("GET /finance/entries/{id}", null, bookRead.formatted(302));
		rule("GET /finance/statement", "orgId={id}", bookRead.formatted(302));
		rule("GET /finance/statement/export", "orgId={id}&year=2026", bookRead.formatted(302));
		String bookKeep = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=%1$d sibling=404; auditor1 own=403 sibling=403; info1 own=404 sibling=404;"
				+ " member1 own=404 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/finance/entries/{id}/reversal", "{}", bookKeep.formatted(400, 401));
		rule("POST /finance/entries/{id}/reversal", "reason=", bookKeep.formatted(302, 302));
		rule("PUT /api/v1/finance/budgets", "{\"orgId\":{id},\"year\":2026,\"category\":\"NOPE\",\"amount\":\"1\"}",
				bookKeep.formatted(400, 401));
		rule("POST /api/v1/finance/year-closes", "{\"orgId\":{id},\"year\":2999}", bookKeep.formatted(422, 401));
		rule("POST /finance/year-closes", "orgId={id}&year=2999", bookKeep.formatted(302, 302));
		// care: hardship register and subsidies (care.hardship.HardshipMatrixObjects): own = member1's entry of
		// 市财政局 (kept by orgadmin1) or a rejected subsidy of it, sibling = the same of a member of 市教育局. The
		// person, the admins who administer them and the federation see them; everyone else 404. Writes stop at
		// an incomplete body or a stale version (400), or at the rejected subsidy (422), so nothing changes.
		everyone("GET /api/v1/care/hardship-cases", null, 200, 401);
		everyone("GET /api/v1/care/subsidies", null, 200, 401);
		everyone("GET /care/hardship", null, 200, 302);
		everyone("GET /care/hardship/subsidies/new", null, 200, 302);
		everyone("POST /care/hardship/subsidies", "amount=", 302, 302);
		rule("POST /api/v1/care/subsidies", "{}", "admin none=422; group1 none=400; orgadmin1 none=400; finance1 none=400;"
				+ " auditor1 none=400; info1 none=400; member1 none=400; anonymous none=401");
		String hardshipKeepers = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/care/hardship-cases", "{}", hardshipKeepers.formatted(400, 401));
		rule("GET /care/hardship/cases/new", null, hardshipKeepers.formatted(200, 302));
		rule("POST /care/hardship/cases", "personId=", hardshipKeepers.formatted(302, 302));
		String hardshipSeen = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%1$d sibling=404; anonymous own=%2$d";
		rule("GET /api/v1/care/hardship-cases/{id}", null, hardshipSeen.formatted(200, 401));
		rule("GET /care/hardship/cases/{id}", null, hardshipSeen.formatted(200, 302));
		rule("GET /api/v1/care/subsidies/{id}", null, hardshipSeen.formatted(200, 401));
		rule("GET /care/hardship/subsidies/{id}", null, hardshipSeen.formatted(200, 302));
		rule("POST /api/v1/care/subsidies/{id}/documents", null, hardshipSeen.formatted(422, 401));
		rule("POST /care/hardship/subsidies/{id}/documents", null, hardshipSeen.formatted(302, 302));
		String hardshipKept = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("PUT /api/v1/care/hardship-cases/{id}", "{\"version\":-1}", hardshipKept.formatted(400, 401));
		rule("POST /api/v1/care/hardship-cases/{id}/documents", null, hardshipKept.formatted(400, 401));
		rule("POST /care/hardship/cases/{id}", "version=-1", hardshipKept.formatted(302, 302));
		rule("POST /care/hardship/cases/{id}/documents", null, hardshipKept.formatted(302, 302));
		// resubmitting: the applicant only (admin applied for both matrix subsidies), which are rejected (422)
		String hardshipApplicant = "admin own=%1$d sibling=%1$d; group1 own=403 sibling=404; orgadmin1 own=403 sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=403 sibling=404; anonymous own=%2$d";
		rule("POST /api/v1/care/subsidies/{id}/resubmission", "{}", hardshipApplicant.formatted(422, 401));
		rule("POST /care/hardship/subsidies/{id}/resubmit", "amount=", hardshipApplicant.formatted(302, 302));
		// no file 0 of any entry or subsidy: 404 for everyone; the documents' own checks are HardshipApiTests'
		everyone("GET /care/hardship/documents/{fileId}", null, 404, 302);
		// volunteers (volunteer.VolunteerMatrixObjects): own = member1's registration (rejected, 市财政局) and a pending
		// claim of member1, sibling = the same of a union member of 市教育局. Writes stop at an incomplete body (400), at
		// the caller's own registration or claim (403) or at a rejected registration that cannot be left (409).
		rule("POST /api/v1/volunteers", "{}", "admin none=422; group1 none=400; orgadmin1 none=400; finance1 none=400;"
				+ " auditor1 none=400; info1 none=400; member1 none=400; anonymous none=401");
		rule("POST /api/v1/volunteer-hours", "{}", "admin none=422; group1 none=400; orgadmin1 none=400;"
				+ " finance1 none=400; auditor1 none=400; info1 none=400; member1 none=400; anonymous none=401");
		everyone("GET /api/v1/volunteers", null, 200, 401);
		everyone("GET /api/v1/volunteers/me", null, 200, 401);
		everyone("GET /api/v1/volunteers/me/hours", null, 200, 401);
		everyone("GET /api/v1/volunteers/ranking", null, 200, 401);
		everyone("GET /api/v1/volunteers/ranking/export", null, 200, 401);
		everyone("GET /api/v1/volunteer-hours", null, 200, 401);
		String volunteerSeen = "admin own=%1$d sibling=%1$d; group1 own=%1$d sibling=404; orgadmin1 own=%1$d sibling=404;"
				+ " finance1 own=404 sibling=404; auditor1 own=404 sibling=404; info1 own=404 sibling=404;"
				+ " member1 own=%2$d sibling=404; anonymous own=%3$d";
		rule("GET /api/v1/volunteers/{id}", null, volunteerSeen.formatted(200, 200, 401));
		rule("POST /api/v1/volunteers/{id}/approval", "{}", volunteerSeen.formatted(400, 403, 401));
		rule("POST /api/v1/volunteer-hours/{id}/verification", "{}", volunteerSeen.formatted(400, 403, 401));
		rule("POST /api/v1/volunteer-hours/{id}/adjustments", "{}", volunteerSeen.formatted(400, 403, 401));
		rule("POST /api/v1/volunteers/{id}/leaving", "{}", volunteerSeen.formatted(403, 409, 401));
		// member1's registration was rejected and has no number: 422 for whoever may see it
		rule("GET /api/v1/volunteers/{id}/certificate", null, volunteerSeen.formatted(422, 422, 401));
		everyone("GET /verify/volunteer-certificates/{code}", null, 404, 404);
		everyone("GET /volunteer", null, 200, 302);
		everyone("GET /api/v1/volunteer-projects", null, 200, 401);
		everyone("GET /volunteer/projects", null, 200, 302);
		String volunteerFederation = "admin none=%1$d; group1 none=403; orgadmin1 none=403; finance1 none=403;"
				+ " auditor1 none=403; info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("POST /api/v1/volunteer-projects", "{}", volunteerFederation.formatted(400, 401));
		rule("POST /volunteer/projects", "name=", volunteerFederation.formatted(302, 302));
		everyone("POST /volunteer/registration", "skills=", 302, 302);
		everyone("POST /volunteer/hours", "date=", 302, 302);
		// member1's own registration is rejected: leaving it is refused (a flash), nobody else has one
		everyone("POST /volunteer/leave", null, 302, 302);
		everyone("GET /volunteer/ranking", null, 200, 302);
		everyone("GET /volunteer/ranking.xlsx", null, 200, 302);
		rule("GET /volunteer/certificate.pdf", null, "admin none=404; group1 none=404; orgadmin1 none=404; finance1 none=404;"
				+ " auditor1 none=404; info1 none=404; member1 none=422; anonymous none=302");
		String volunteerAdmins = "admin none=%1$d; group1 none=%1$d; orgadmin1 none=%1$d; finance1 none=403; auditor1 none=403;"
				+ " info1 none=403; member1 none=403; anonymous none=%2$d";
		rule("GET /volunteer/registrations", null, volunteerAdmins.formatted(200, 302));
		rule("GET /volunteer/claims", null, volunteerAdmins.formatted(200, 302));
		rule("POST /volunteer/registrations/{id}/decision", null, volunteerSeen.formatted(302, 403, 302));
		rule("POST /volunteer/claims/{id}/verification", null, volunteerSeen.formatted(302, 403, 302));
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
		if (endpoint.contains("/matchmaking/")) {
			return MatchmakingMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/union/applications/{id}") || endpoint.contains("/union/transfers/{id}")) {
			return UnionMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/accounts/{id}")) {
			return accountOf(relation == Relation.OWN ? "member1" : "orgadmin2");
		}
		if (endpoint.contains("/approvals/{id}")) {
			return approvalOfOrgadmin2();
		}
		if (endpoint.contains("/meetings/{id}") || endpoint.contains("/resolutions/{id}")
				|| endpoint.contains("/annual-reports/{id}")) {
			return governanceObject(endpoint, relation);
		}
		if (endpoint.contains("/finance/expenses/{id}") || endpoint.contains("/finance/incomes/{id}")) {
			return ExpenseMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/activities/{id}")) {
			return ActivityMatrixObjects.object(jdbc, relation.name());
		}
		if (endpoint.contains("/clubs/{id}") || endpoint.contains("/activity-series/{id}")) {
			return ClubMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/question-banks/{id}") || endpoint.contains("/quizzes/banks/{id}")
				|| endpoint.contains("/quizzes/{id}") || endpoint.contains("/attempts/{id}")) {
			return QuizMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/notices/{id}") || endpoint.contains("/collections/{id}")) {
			return NoticeMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/api/v1/pair") || endpoint.contains("/care/pairing/")) {
			return PairingMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/volunteers/{id}") || endpoint.contains("/volunteer-hours/{id}")
				|| endpoint.contains("/volunteer/registrations/{id}") || endpoint.contains("/volunteer/claims/{id}")) {
			return VolunteerMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/care/hardship") || endpoint.contains("/care/subsidies/")) {
			return HardshipMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/votes/{id}")) {
			return VoteMatrixObjects.object(jdbc, relation.name());
		}
		if (endpoint.contains("/mailbox/letters/{id}")) {
			return MailboxMatrixObjects.object(jdbc, relation.name());
		}
		if (endpoint.contains("/women/")) {
			return WomenMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/care/recuperation/")) {
			return RecuperationMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/mutual-aid/")) {
			return MutualAidMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/care/visit") || endpoint.contains("/care/sick-reports/")) {
			return VisitMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/trainings/")) {
			return TrainingMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/learning/")) {
			return LearningMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/forms/{id}") || endpoint.contains("/info-reports/{id}")) {
			return FormMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (FinanceMatrixObjects.BOOK_ENDPOINTS.contains(endpoint)) {
			return FinanceMatrixObjects.object(jdbc, endpoint, relation.name());
		}
		if (endpoint.contains("/reelections/{id}")) {
			return ReelectionMatrixObjects.completed(jdbc,
					relation == Relation.OWN ? "市财政局工会" : "市教育局工会");
		}
		if (endpoint.contains("/dues-sheets/{id}") || endpoint.contains("/finance/dues/{id}")) {
			return DuesMatrixObjects.sheet(jdbc, relation.name());
		}
		if (endpoint.contains("/finance/audits/{id}") || endpoint.contains("/finance/findings/{id}")) {
			return AuditMatrixObjects.object(jdbc, endpoint, relation.name());
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
						.replace("{bindingId}", String.valueOf(bindingOfOrgadmin2()))
						.replace("{year}", String.valueOf(ClubMatrixObjects.publishedRankingYear(jdbc)))
						.replace("{registrationId}", pattern.contains("{registrationId}")
								? String.valueOf(ActivityMatrixObjects.registration(jdbc)) : "")
						.replace("{fileId}", "0")
						.replace("{code}", "DUES")
						.replace("{token}", "1.0.forged")
						.replace("{itemNo}", "1")
						.replace("{questionId}", "0")
						.replace("{sessionId}", "0")
						.replace("{traineeId}", "0")
						.replace("{personId}", String.valueOf(personOf("orgadmin2")))
						.replace("{orgId}", String.valueOf(orgId("市财政局工会")));
					MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), url);
					String body = entry.getValue().body();
					if (body != null) {
						body = body.replace("{id}", String.valueOf(id == null ? object(endpoint, user, Relation.OWN) : id));
						if (api && !method.equals("GET")) {
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

	/** A published past meeting of a union (own: 市财政局工会, sibling: 市教育局工会), its resolution, or its confirmed 2018 report. */
	private long governanceObject(String endpoint, Relation relation) {
		String union = relation == Relation.OWN ? "市财政局工会" : "市教育局工会";
		long org = orgId(union);
		if (endpoint.contains("/annual-reports/{id}")) {
			return matrixAnnualReport(org);
		}
		long meeting = matrixMeeting(org);
		if (endpoint.contains("/resolutions/{id}")) {
			return jdbc.sql("select min(id) from meeting_resolution where meeting_id = :m").param("m", meeting)
				.query(Long.class).single();
		}
		return meeting;
	}

	private long matrixMeeting(long org) {
		String title = "access-matrix-" + org;
		var existing = jdbc.sql("select id from meeting where title = :t").param("t", title).query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		long organ = jdbc.sql("select parent_id from org where id = :o").param("o", org).query(Long.class).single();
		long person = jdbc.sql("""
				select min(p.id) from person p where p.organ_id = :organ and p.active = true
				and not exists (select 1 from account a where a.person_id = p.id and a.username in
				  ('orgadmin1', 'orgadmin2', 'member1', 'finance1', 'auditor1', 'info1', 'group1', 'group2'))""")
			.param("organ", organ).query(Long.class).single();
		var when = OffsetDateTime.now(TestClock.CLOCK).minusDays(1);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into meeting (org_id, organ_id, title, kind, starts_at, place, status, minutes, minutes_published_at, created_at)
				values (:org, :organ, :title, 'REGULAR', :when, '会议室', 'SCHEDULED', '纪要', :when, :when)""")
			.param("org", org).param("organ", organ).param("title", title).param("when", when).update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("insert into meeting_invitee (meeting_id, person_id) values (:m, :p)").param("m", id).param("p", person).update();
		jdbc.sql("""
				insert into meeting_resolution (meeting_id, content, owner_person_id, due_date, status, created_at)
				values (:m, '落实', :p, :due, 'OPEN', :when)""")
			.param("m", id).param("p", person).param("due", LocalDate.now(TestClock.CLOCK).plusDays(30)).param("when", when)
			.update();
		return id;
	}

	private long matrixAnnualReport(long unionId) {
		var existing = jdbc.sql("select id from annual_report where org_id = :o and report_year = 2018").param("o", unionId)
			.query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			mvc.perform(MockMvcRequestBuilders
				.multipart("/api/v1/orgs/" + unionId + "/annual-reports")
				.file(new MockMultipartFile("file", "2018.pdf", "application/pdf",
						"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
				.param("year", "2018").param("reportedOn", "2018-12-01").header("Authorization", bearer("admin")));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		long id = jdbc.sql("select id from annual_report where org_id = :o and report_year = 2018").param("o", unionId)
			.query(Long.class).single();
		jdbc.sql("update annual_report set confirmed_at = current_timestamp where id = :id").param("id", id).update();
		return id;
	}

	private long accountOf(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	private long bindingOfOrgadmin2() {
		return jdbc.sql("select min(b.id) from role_binding b join account a on a.id = b.account_id where a.username = 'orgadmin2'")
			.query(Long.class).single();
	}

	private Long approvalOfOrgadmin2;

	/** An approval filed by orgadmin2 for 市教育局工会; its approver is group2, none of the users tested. */
	private long approvalOfOrgadmin2() {
		if (approvalOfOrgadmin2 == null) {
			long union = orgId("市教育局工会");
			String path = jdbc.sql("select path from org where id = :id").param("id", union).query(String.class).single();
			try {
				approvalOfOrgadmin2 = as("orgadmin2", () -> approvals.request(new ApprovalRequest(
						TestFlows.ONE_STEP, System.nanoTime(), "权限测试", union, path))).id();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return approvalOfOrgadmin2;
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
