package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Plans, additions and visits refused with a clear Chinese reason, and nothing changed by them. */
class VisitBadInputTests extends VisitFixtures {

	private int plans() {
		return jdbc.sql("select count(*) from care_visit_plan").query(Integer.class).single();
	}

	private static String problems(JsonNode body) {
		StringBuilder sb = new StringBuilder(body.get("detail").asString());
		if (body.has("errors")) {
			for (JsonNode e : body.get("errors")) {
				sb.append(" | ").append(e.get("field").asString()).append(": ").append(e.get("message").asString());
			}
		}
		return sb.toString();
	}

	@Test
	void aPlanWithoutNameDatesBudgetOrStandardsIsRefusedFieldByField() throws Exception {
		int before = plans();
		MvcResult r = postJson("admin", "/api/v1/care/visit-plans", "{\"title\":\" \",\"startsOn\":\"" + today()
				+ "\",\"endsOn\":\"" + today().minusDays(1) + "\",\"budget\":\"abc\",\"standards\":[]}");
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(problems(body(r))).contains("title: 请填写计划名称（不超过 200 字）", "endsOn: 结束日期不能早于开始日期",
				"budget: ", "bookOrgId: 请选择支付账簿", "standards: 请至少设置一类慰问对象及其标准");
		MvcResult goods = postJson("admin", "/api/v1/care/visit-plans", planBody("慰问品无内容", ROOT, "100",
				standard("RETIRED", "GOODS", "100", null) + "," + standard("RETIRED", "CASH", "0", null) + ","
						+ standard("老板", "CASH", "10", null)));
		assertThat(goods.getResponse().getStatus()).isEqualTo(400);
		assertThat(problems(body(goods))).contains("standards[0].goods: 慰问品须写明内容（不超过 200 字）",
				"standards[1].amount: ", "standards[2].kind: 无法识别的值：老板");
		assertThat(plans()).isEqualTo(before);
	}

	@Test
	void aPlanOnABookOutsideTheCallersReachOrByANonAdminIsRefused() throws Exception {
		int before = plans();
		MvcResult foreign = postJson("orgadmin1", "/api/v1/care/visit-plans",
				planBody("别人的账簿", "市教育局工会", "100", standard("SICK", "CASH", "100", null)));
		assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
		MvcResult organ = postJson("admin", "/api/v1/care/visit-plans",
				planBody("机关不记账", "市财政局", "100", standard("SICK", "CASH", "100", null)));
		assertThat(organ.getResponse().getStatus()).isEqualTo(400);
		MvcResult member = postJson("member1", "/api/v1/care/visit-plans",
				planBody("会员不能制定", ROOT, "100", standard("SICK", "CASH", "100", null)));
		assertThat(member.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(member).get("detail").asString()).isEqualTo("只有管理员可以制定计划和登记走访");
		MvcResult finance = postJson("finance1", "/api/v1/care/visit-plans",
				planBody("财务不能制定", "市财政局工会", "100", standard("SICK", "CASH", "100", null)));
		assertThat(finance.getResponse().getStatus()).isEqualTo(403);
		assertThat(plans()).isEqualTo(before);
	}

	@Test
	void someoneOutsideReachTwiceOrOfAKindNotInThePlanIsNotAdded() throws Exception {
		long plan = plan("admin", "名单错误测试", ROOT, "5000", standard("SICK", "CASH", "500", null));
		long theirs = unionMembers("市教育局", 1).get(0);
		MvcResult outside = add("orgadmin1", plan, theirs, "SICK");
		assertThat(outside.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(outside).get("detail").asString()).endsWith("不在您的管理范围内");
		long mine = unionMembers("市财政局", 1).get(0);
		MvcResult kind = add("orgadmin1", plan, mine, "MODEL_WORKER");
		assertThat(kind.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(kind).get("detail").asString()).isEqualTo("本计划没有「劳模」类慰问对象");
		MvcResult nobody = add("orgadmin1", plan, -5, "SICK");
		assertThat(nobody.getResponse().getStatus()).isEqualTo(400);
		added("orgadmin1", plan, mine, "SICK");
		MvcResult twice = add("admin", plan, mine, "SICK");
		assertThat(twice.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(twice).get("detail").asString()).endsWith("已在慰问对象名单中（患病住院）");
		assertThat(count("select count(*) from care_visit_recipient where plan_id = :p", plan)).isEqualTo(1);
	}

	@Test
	void aVisitOutsideThePlanInTheFutureOverTheStandardOrWithoutVisitorsIsNotRecordedNorPosted() throws Exception {
		long plan = plan("admin", "走访错误测试", ROOT, "5000", standard("MODEL_WORKER", "CASH", "800", null));
		long worker = added("orgadmin1", plan, unionMembers("市财政局", 1).get(0), "MODEL_WORKER");
		String base = "{\"recipientId\":" + worker + ",\"visitors\":\"王强\",\"visitedOn\":\"";
		MvcResult before = postJson("orgadmin1", "/api/v1/care/visits", base + today().minusDays(6) + "\"}");
		assertThat(before.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(before).get("detail").asString()).startsWith("走访日期须在计划时间 ");
		MvcResult future = postJson("orgadmin1", "/api/v1/care/visits", base + today().plusDays(1) + "\"}");
		assertThat(future.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(future).get("detail").asString()).isEqualTo("走访日期不能晚于今天");
		MvcResult over = postJson("orgadmin1", "/api/v1/care/visits", base + today() + "\",\"amount\":\"800.01\"}");
		assertThat(over.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(over).get("detail").asString()).isEqualTo("金额不能超过劳模的慰问标准 800.00 元");
		MvcResult nobody = postJson("orgadmin1", "/api/v1/care/visits", "{\"recipientId\":" + worker + ",\"visitedOn\":\""
				+ today() + "\",\"visitors\":\"\\u200b\"}");
		assertThat(nobody.getResponse().getStatus()).isEqualTo(400);
		MvcResult noForm = postJson("orgadmin1", "/api/v1/care/visits", base + today() + "\",\"form\":\"红包\"}");
		assertThat(noForm.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noForm).get("detail").asString()).isEqualTo("无法识别的值：红包");
		MvcResult stranger = postJson("orgadmin2", "/api/v1/care/visits", base + today() + "\"}");
		assertThat(stranger.getResponse().getStatus()).isEqualTo(404);
		MvcResult member = postJson("member1", "/api/v1/care/visits", base + today() + "\"}");
		assertThat(member.getResponse().getStatus()).isEqualTo(404);
		assertThat(count("select count(*) from care_visit where plan_id = :p", plan)).isZero();
		assertThat(entriesOf(worker)).isEmpty();
		assertThat(List.of(visit("orgadmin1", worker, "").getResponse().getStatus())).containsExactly(201);
	}
}
