package org.quntuan.finance.audits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A whole audit through the API: the funds review committee plans the year, examines 市财政局工会's
 * book (checklist, samples), raises a finding on one entry; the union answers with evidence, is sent
 * back once, answers again, the finding is closed and so is the audit.
 */
class FinanceAuditFlowTests extends AuditTestSupport {

	static final int YEAR = 2011;

	@Test
	void anAuditGoesFromTheYearsPlanThroughRectificationToItsConclusion() throws Exception {
		long union = orgId("市财政局工会");
		List<Long> entries = AuditFixtures.entries(jdbc, journal, categories, union, YEAR, 6);

		// the plan: every active union and group, once
		MvcResult planned = postJson("auditor1", "/api/v1/finance/audit-plans/default", "{\"year\":" + YEAR + "}");
		assertThat(planned.getResponse().getStatus()).as(detail(planned)).isEqualTo(201);
		long books = jdbc.sql("select count(*) from org where active = true and type in ('UNION', 'GROUP')")
			.query(Long.class).single();
		assertThat(body(planned).get("created")).hasSize((int) books);
		assertThat(body(planned).get("created").findValuesAsString("orgName")).contains("市财政局工会", "第一片组")
			.doesNotContain("市财政局", "市直机关工委");
		MvcResult again = postJson("admin", "/api/v1/finance/audit-plans/default", "{\"year\":" + YEAR + "}");
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(again).get("created")).isEmpty();
		MvcResult twice = postJson("auditor1", "/api/v1/finance/audits", "{\"year\":" + YEAR + ",\"orgIds\":[" + union + "]}");
		assertThat(twice.getResponse().getStatus()).isEqualTo(409);
		assertThat(detail(twice)).contains("市财政局工会");
		assertThat(count("select count(*) from fin_audit where org_id = :id and fiscal_year = " + YEAR, union)).isEqualTo(1);
		long audit = jdbc.sql("select id from fin_audit where org_id = :o and fiscal_year = :y").param("o", union)
			.param("y", YEAR).query(Long.class).single();

		// the board of the committee and of the union itself
		JsonNode board = body(getAs("auditor1", "/api/v1/finance/audits?year=" + YEAR));
		assertThat(board.get("rows")).hasSize((int) books);
		assertThat(board.get("totals").get("audits").asLong()).isEqualTo(books);
		assertThat(board.get("year").asInt()).isEqualTo(YEAR);
		assertThat(row(board, audit).get("status").get("code").asString()).isEqualTo("PLANNED");
		assertThat(row(board, audit).get("groupName").asString()).isEqualTo("第一片组");
		JsonNode own = body(getAs("finance1", "/api/v1/finance/audits?year=" + YEAR));
		assertThat(own.findValuesAsString("orgName")).containsExactly("市财政局工会");

		// start: the checklist is laid out, the caller is the auditor
		JsonNode started = body(postJson("auditor1", "/api/v1/finance/audits/" + audit + "/start", ""));
		assertThat(started.get("status").get("code").asString()).isEqualTo("IN_PROGRESS");
		assertThat(started.get("auditor").asString()).isNotBlank();
		assertThat(started.get("checks").findValuesAsString("item")).hasSize(7)
			.startsWith("会费收缴是否足额及时", "经费支出是否经审批").contains("财务制度建设情况");
		assertThat(postJson("auditor1", "/api/v1/finance/audits/" + audit + "/start", "").getResponse().getStatus())
			.isEqualTo(409);
		for (int item = 1; item <= 7; item++) {
			String body = item == 2 ? "{\"result\":\"ISSUE\",\"note\":\"两笔活动支出无审批单\"}" : "{\"result\":\"OK\"}";
			MvcResult check = putJson("auditor1", "/api/v1/finance/audits/" + audit + "/checks/" + item, body);
			assertThat(check.getResponse().getStatus()).as(detail(check)).isEqualTo(200);
		}
		assertThat(body(putJson("auditor1", "/api/v1/finance/audits/" + audit + "/checks/2", "{\"result\":\"存在问题\",\"note\":\"两笔\"}"))
			.get("result").get("code").asString()).isEqualTo("ISSUE");

		// samples: at random from the year's entries not yet sampled, then one by number
		JsonNode first = body(postJson("auditor1", "/api/v1/finance/audits/" + audit + "/samples", "{\"count\":4}"));
		assertThat(first.get("added")).hasSize(4);
		List<Long> drawn = first.get("added").valueStream().map(JsonNode::asLong).toList();
		assertThat(entries).containsAll(drawn);
		JsonNode rest = body(postJson("auditor1", "/api/v1/finance/audits/" + audit + "/samples", "{\"count\":10}"));
		assertThat(rest.get("added")).hasSize(2);
		assertThat(rest.get("samples")).hasSize(6);
		assertThat(rest.get("samples").get(0).get("entry").get("memo").asString()).startsWith("审计测试支出");
		MvcResult none = postJson("auditor1", "/api/v1/finance/audits/" + audit + "/samples", "{\"count\":1}");
		assertThat(none.getResponse().getStatus()).isEqualTo(422);
		assertThat(postJson("auditor1", "/api/v1/finance/audits/" + audit + "/samples", "{\"txnId\":" + entries.get(0) + "}")
			.getResponse().getStatus()).isEqualTo(409);

		// a finding on one entry: the audit moves to rectification and the union's keepers hear of it
		MvcResult raised = postJson("auditor1", "/api/v1/finance/audits/" + audit + "/findings",
				findingBody("较重", today().plusDays(30), List.of(entries.get(0))));
		assertThat(raised.getResponse().getStatus()).as(detail(raised)).isEqualTo(201);
		JsonNode finding = body(raised);
		long findingId = finding.get("id").asLong();
		assertThat(finding.get("severity").get("code").asString()).isEqualTo("MAJOR");
		assertThat(finding.get("status").get("code").asString()).isEqualTo("OPEN");
		assertThat(finding.get("entries").get(0).get("txnId").asLong()).isEqualTo(entries.get(0));
		assertThat(auditStatus(audit)).isEqualTo("RECTIFYING");
		assertThat(notified("finance-audit-finding-" + findingId)).containsExactlyInAnyOrder("orgadmin1", "finance1");
		JsonNode withFinding = body(getAs("auditor1", "/api/v1/finance/audits?year=" + YEAR));
		assertThat(row(withFinding, audit).get("openFindings").asLong()).isEqualTo(1);
		assertThat(withFinding.get("totals").get("openFindings").asLong()).isGreaterThanOrEqualTo(1);

		// the audit cannot close while the finding is open
		MvcResult early = postJson("auditor1", "/api/v1/finance/audits/" + audit + "/close", "{\"conclusion\":\"基本规范\"}");
		assertThat(early.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(early)).contains("1 项");

		// the union answers with evidence; the auditor sends it back once
		MvcResult answered = postJson("finance1", "/api/v1/finance/findings/" + findingId + "/response",
				"{\"response\":\"已补办审批手续\"}");
		assertThat(answered.getResponse().getStatus()).as(detail(answered)).isEqualTo(200);
		assertThat(body(answered).get("status").get("code").asString()).isEqualTo("RESPONDED");
		MvcResult evidence = upload("finance1", findingId, "审批单.pdf", AuditFixtures.PDF);
		assertThat(evidence.getResponse().getStatus()).as(detail(evidence)).isEqualTo(201);
		long fileId = body(evidence).get("fileId").asLong();
		assertThat(notified("finance-audit-responded-%")).contains("auditor1");
		MvcResult returned = postJson("auditor1", "/api/v1/finance/findings/" + findingId + "/decision",
				"{\"accept\":false,\"comment\":\"审批单缺少主席签字\"}");
		assertThat(returned.getResponse().getStatus()).as(detail(returned)).isEqualTo(200);
		assertThat(body(returned).get("status").get("code").asString()).isEqualTo("OPEN");
		assertThat(notified("finance-audit-returned-" + findingId + "-%")).containsExactlyInAnyOrder("orgadmin1", "finance1");

		// answered again, accepted
		assertThat(postJson("orgadmin1", "/api/v1/finance/findings/" + findingId + "/response",
				"{\"response\":\"已补签并重新归档\"}").getResponse().getStatus()).isEqualTo(200);
		MvcResult accepted = postJson("auditor1", "/api/v1/finance/findings/" + findingId + "/decision",
				"{\"accept\":true,\"comment\":\"整改到位\"}");
		assertThat(body(accepted).get("status").get("code").asString()).isEqualTo("CLOSED");
		JsonNode closedFinding = body(accepted);
		assertThat(closedFinding.get("steps").findValuesAsString("action"))
			.containsExactly("RESPONDED", "RETURNED", "RESPONDED", "ACCEPTED");
		assertThat(closedFinding.get("steps").get(1).get("note").asString()).isEqualTo("审批单缺少主席签字");
		assertThat(closedFinding.get("response").asString()).isEqualTo("已补签并重新归档");
		assertThat(closedFinding.get("evidence").findValuesAsString("name")).containsExactly("审批单.pdf");
		assertThat(getAs("orgadmin1", "/api/v1/finance/findings/" + findingId + "/evidence/" + fileId).getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(getAs("orgadmin2", "/api/v1/finance/findings/" + findingId + "/evidence/" + fileId).getResponse()
			.getStatus()).isEqualTo(404);

		// closed with a conclusion; afterwards nothing changes
		MvcResult closed = postJson("auditor1", "/api/v1/finance/audits/" + audit + "/close",
				"{\"conclusion\":\"经费收支基本规范，发现问题已整改到位。\"}");
		assertThat(closed.getResponse().getStatus()).as(detail(closed)).isEqualTo(200);
		assertThat(body(closed).get("status").get("code").asString()).isEqualTo("CLOSED");
		assertThat(body(closed).get("conclusion").asString()).startsWith("经费收支基本规范");
		assertThat(row(body(getAs("finance1", "/api/v1/finance/audits?year=" + YEAR + "&status=CLOSED")), audit)
			.get("openFindings").asLong()).isZero();
		assertThat(postJson("auditor1", "/api/v1/finance/audits/" + audit + "/findings",
				findingBody("一般", today(), List.of())).getResponse().getStatus()).isEqualTo(422);
		assertThat(postJson("auditor1", "/api/v1/finance/audits/" + audit + "/close", "{\"conclusion\":\"再次\"}")
			.getResponse().getStatus()).isEqualTo(409);
		assertThat(count("select count(*) from fin_audit_finding where audit_id = :id", audit)).isEqualTo(1);

		// the board as a workbook: one row per audit of the year
		MvcResult export = mvc.perform(MockMvcRequestBuilders
			.get("/finance/audits/export?year=" + YEAR).session(login("auditor1"))).andReturn();
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(
				new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo((int) books);
			List<String> unionRow = new ArrayList<>();
			for (var r : sheet) {
				if ("市财政局工会".equals(r.getCell(2).getStringCellValue())) {
					r.forEach(c -> unionRow.add(c.toString()));
				}
			}
			assertThat(unionRow).contains("第一片组", "已结束");
		}
	}

	private static JsonNode row(JsonNode board, long audit) {
		for (JsonNode r : board.get("rows")) {
			if (r.get("id").asLong() == audit) {
				return r;
			}
		}
		throw new AssertionError("audit " + audit + " is not on the board");
	}

	private List<String> notified(String eventKey) {
		return jdbc.sql("""
				select a.username from notification n join account a on a.id = n.recipient_account_id
				where n.event_key like :k and n.channel = 'INBOX'""").param("k", eventKey).query(String.class).list();
	}
}
