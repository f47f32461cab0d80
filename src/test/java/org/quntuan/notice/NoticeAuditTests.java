package org.quntuan.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.notice.forms.FormTestSupport;
import org.quntuan.support.AuditTrail;

/**
 * Publishing and withdrawing a notice, and a form's way from the sender to a union and back, each
 * leave one audit event: the sender's under the sender's org, the union's under the union.
 */
class NoticeAuditTests extends FormTestSupport {

	private String federationPath() {
		return jdbc.sql("""
				select o.path from role_binding b join account a on a.id = b.account_id join org o on o.id = b.org_id
				where a.username = 'admin' order by b.id fetch first 1 rows only""").query(String.class).single();
	}

	@Test
	void aNoticeIsPublishedAndWithdrawnOnTheRecord() throws Exception {
		String title = uniqueTitle("审计通知");
		long id = body(mvc.perform(as("admin", post("/api/v1/notices")).content(json.writeValueAsString(Map.of("title", title,
				"body", "请各单位认真学习。", "targets", Map.of("orgIds", List.of(orgId("市财政局工会"), orgId("市教育局工会")))))))
			.andExpect(status().isCreated()).andReturn()).get("id").asLong();
		mvc.perform(as("admin", post("/api/v1/notices/" + id + "/withdraw")).content("{\"reason\":\"内容有误\"}"))
			.andExpect(status().isOk());

		List<AuditTrail.Event> events = AuditTrail.of(jdbc, "NOTICE", id);
		assertThat(events).extracting(AuditTrail.Event::type).containsExactly("PUBLISH", "WITHDRAW");
		assertThat(events).extracting(AuditTrail.Event::actor).containsOnly("admin");
		assertThat(events).extracting(AuditTrail.Event::orgPath).containsOnly(federationPath());
		assertThat(events).extracting(AuditTrail.Event::detail)
			.containsExactly("发布通知：" + title + "，发送 2 个组织", "撤回通知：" + title + "；原因：内容有误");
		// the log's filter knows the new types by their Chinese names
		JsonNode page = body(mvc.perform(as("admin", get("/api/v1/audit-log")).param("type", "发布").param("objectType", "NOTICE")
			.param("objectId", String.valueOf(id))).andExpect(status().isOk()).andReturn());
		assertThat(page.get("content")).hasSize(1);
		assertThat(page.get("content").get(0).get("type").get("code").asString()).isEqualTo("PUBLISH");
		assertThat(page.get("content").get(0).get("type").get("label").asString()).isEqualTo("发布");
	}

	@Test
	void aFormIsSentSubmittedAndReturnedOnTheRecordOfSenderAndUnion() throws Exception {
		JsonNode form = sendToTwoUnions();
		long id = form.get("id").asLong();
		String title = form.get("title").asString();
		long finance = orgId("市财政局工会");
		Map<String, Object> values = new HashMap<>();
		values.put(String.valueOf(field(form, "职工人数")), 120);
		values.put(String.valueOf(field(form, "是否建成职工之家")), "是");
		mvc.perform(as("orgadmin1", put("/api/v1/forms/" + id + "/responses/" + finance))
			.content(json.writeValueAsString(Map.of("values", values, "submit", true, "version", responseVersion(id, finance)))))
			.andExpect(status().isOk());
		mvc.perform(as("admin", post("/api/v1/forms/" + id + "/responses/" + finance + "/return"))
			.content("{\"reason\":\"人数请核实\",\"version\":" + responseVersion(id, finance) + "}")).andExpect(status().isOk());

		List<AuditTrail.Event> events = AuditTrail.of(jdbc, "FORM", id);
		assertThat(events).extracting(AuditTrail.Event::type).containsExactly("PUBLISH", "UPDATE", "DECIDE");
		assertThat(events).extracting(AuditTrail.Event::actor).containsExactly("admin", "orgadmin1", "admin");
		String union = AuditTrail.pathOf(jdbc, "市财政局工会");
		assertThat(events).extracting(AuditTrail.Event::orgPath).containsExactly(federationPath(), union, union);
		assertThat(events).extracting(AuditTrail.Event::detail).containsExactly(
				"下发统计报表：" + title + "，5 个填报项，填报单位 2 个",
				"提交统计报表：" + title + "，填报单位：市财政局工会",
				"退回 市财政局工会 填报的统计报表：" + title + "；原因：人数请核实");
	}

	/** The version a client read before changing the response (0 before the first save). */
	private int responseVersion(long formId, long orgId) {
		return jdbc.sql("select version from stat_form_response where form_id = :f and org_id = :o").param("f", formId)
			.param("o", orgId).query(Integer.class).optional().orElse(0);
	}
}
