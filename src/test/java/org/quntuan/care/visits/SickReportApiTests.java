package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.support.AuditTrail;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Sick reports (患病住院登记) as org admins file them for their people: filed, corrected while open, closed
 * once, seen only by the person's admins and the federation, every step in the audit log; bad input is
 * refused with a clear Chinese message and changes nothing.
 */
class SickReportApiTests extends VisitFixtures {

	private String report(long person, String admitted, String discharged, String hospital, String diagnosis) {
		return "{\"personId\":" + person + ",\"admittedOn\":" + quoted(admitted) + ",\"dischargedOn\":" + quoted(discharged)
				+ ",\"hospital\":" + quoted(hospital) + ",\"diagnosis\":" + quoted(diagnosis) + "}";
	}

	private static String quoted(String value) {
		return value == null ? "null" : "\"" + value + "\"";
	}

	private MvcResult putJson(String username, String path, String body) throws Exception {
		return mvc.perform(put(path).header("Authorization", bearer(username)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private int status(String username, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", bearer(username))).andReturn().getResponse().getStatus();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode r : page.get("content")) {
			ids.add(r.get("id").asLong());
		}
		return ids;
	}

	private int reports() {
		return jdbc.sql("select count(*) from care_visit_sick_report").query(Integer.class).single();
	}

	@Test
	void anOrganAdminFilesCorrectsAndClosesASickReportOfTheirPersonAndEachStepIsAudited() throws Exception {
		long person = unionMembers("市财政局", 3).get(2);
		String admitted = today().minusDays(3).toString();
		MvcResult filed = postJson("orgadmin1", "/api/v1/care/sick-reports",
				report(person, admitted, null, " 市第一人民医院 ", "肺炎，住院治疗"));
		assertThat(filed.getResponse().getStatus()).as(filed.getResponse().getContentAsString()).isEqualTo(201);
		long id = body(filed).get("id").asLong();

		JsonNode got = body(mvc.perform(get("/api/v1/care/sick-reports/" + id).header("Authorization", bearer("orgadmin1")))
			.andReturn());
		assertThat(got.get("personId").asLong()).isEqualTo(person);
		assertThat(got.get("organName").asString()).isEqualTo("市财政局");
		assertThat(got.get("hospital").asString()).isEqualTo("市第一人民医院");
		assertThat(got.get("open").asBoolean()).isTrue();
		assertThat(got.get("dischargedOn").isNull()).isTrue();

		// the federation and the 片组 see it; another organ's admin and the others do not
		assertThat(status("admin", "/api/v1/care/sick-reports/" + id)).isEqualTo(200);
		for (String stranger : List.of("orgadmin2", "member1", "finance1", "auditor1")) {
			assertThat(status(stranger, "/api/v1/care/sick-reports/" + id)).as(stranger).isEqualTo(404);
		}
		JsonNode open = body(mvc.perform(get("/api/v1/care/sick-reports?open=true&size=200")
			.header("Authorization", bearer("admin"))).andReturn());
		assertThat(ids(open)).contains(id);
		JsonNode theirs = body(mvc.perform(get("/api/v1/care/sick-reports?size=200")
			.header("Authorization", bearer("orgadmin2"))).andReturn());
		assertThat(ids(theirs)).doesNotContain(id);
		assertThat(body(mvc.perform(get("/api/v1/care/sick-reports").header("Authorization", bearer("member1")))
			.andReturn()).get("totalElements").asLong()).isZero();

		String discharged = today().minusDays(1).toString();
		MvcResult changed = putJson("orgadmin1", "/api/v1/care/sick-reports/" + id,
				"{\"admittedOn\":\"" + admitted + "\",\"dischargedOn\":\"" + discharged + "\",\"hospital\":\"市第一人民医院\","
						+ "\"version\":0}");
		assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(204);
		MvcResult stale = putJson("orgadmin1", "/api/v1/care/sick-reports/" + id,
				"{\"admittedOn\":\"" + admitted + "\",\"hospital\":\"市中医院\",\"version\":0}");
		assertThat(stale.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(stale).get("detail").asString()).isEqualTo("登记已被他人修改，请刷新后重试");

		MvcResult closed = mvc.perform(post("/api/v1/care/sick-reports/" + id + "/close")
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(closed.getResponse().getStatus()).isEqualTo(204);
		MvcResult again = mvc.perform(post("/api/v1/care/sick-reports/" + id + "/close")
			.header("Authorization", bearer("admin"))).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(again).get("detail").asString()).endsWith("的患病住院登记已结束");
		MvcResult late = putJson("orgadmin1", "/api/v1/care/sick-reports/" + id,
				"{\"admittedOn\":\"" + admitted + "\",\"hospital\":\"市中医院\"}");
		assertThat(late.getResponse().getStatus()).isEqualTo(422);

		got = body(mvc.perform(get("/api/v1/care/sick-reports/" + id).header("Authorization", bearer("admin"))).andReturn());
		assertThat(got.get("open").asBoolean()).isFalse();
		assertThat(got.get("dischargedOn").asString()).isEqualTo(discharged);
		assertThat(got.get("hospital").asString()).isEqualTo("市第一人民医院");
		assertThat(got.get("diagnosis").isNull()).isTrue();

		String name = got.get("name").asString();
		List<AuditTrail.Event> trail = AuditTrail.of(jdbc, "CARE_SICK_REPORT", id);
		assertThat(trail).extracting(AuditTrail.Event::type).containsExactly("CREATE", "UPDATE", "UPDATE");
		assertThat(trail.get(0).detail()).isEqualTo("登记 " + name + "（市财政局）患病住院：市第一人民医院，" + admitted + " 入院");
		assertThat(trail.get(1).detail())
			.isEqualTo("修改 " + name + " 的患病住院登记：市第一人民医院，" + admitted + " 入院，出院日期 " + discharged);
		assertThat(trail.get(2).detail()).isEqualTo("结束 " + name + " 的患病住院登记（市第一人民医院，" + admitted + " 入院）");
		assertThat(trail.get(0).orgPath()).startsWith(AuditTrail.pathOf(jdbc, "市财政局"));
	}

	@Test
	void badReportsAreRefusedWithAClearMessageAndNothingIsFiled() throws Exception {
		long person = unionMembers("市财政局", 4).get(3);
		int before = reports();
		MvcResult none = postJson("orgadmin1", "/api/v1/care/sick-reports", "{}");
		assertThat(none.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(none).get("detail").asString()).isEqualTo("请选择人员");

		MvcResult future = postJson("orgadmin1", "/api/v1/care/sick-reports",
				report(person, today().plusDays(1).toString(), null, "市中医院", null));
		assertThat(future.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(future).get("detail").asString()).isEqualTo("入院日期不能晚于今天");

		MvcResult backwards = postJson("orgadmin1", "/api/v1/care/sick-reports",
				report(person, today().minusDays(2).toString(), today().minusDays(5).toString(), "市中医院", null));
		assertThat(backwards.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(backwards).get("detail").asString()).isEqualTo("出院日期不能早于入院日期");

		MvcResult noHospital = postJson("orgadmin1", "/api/v1/care/sick-reports",
				report(person, today().toString(), null, "  ", "x".repeat(201)));
		assertThat(noHospital.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noHospital).get("detail").asString()).isEqualTo("请填写医院（不超过 200 字）");
		assertThat(noHospital.getResponse().getContentAsString()).contains("病情说明不能超过 200 字");

		MvcResult notTheirs = postJson("orgadmin2", "/api/v1/care/sick-reports",
				report(person, today().toString(), null, "市中医院", null));
		assertThat(notTheirs.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(notTheirs).get("detail").asString()).isEqualTo("该人员不在您的管理范围内");

		MvcResult member = postJson("member1", "/api/v1/care/sick-reports",
				report(person, today().toString(), null, "市中医院", null));
		assertThat(member.getResponse().getStatus()).isEqualTo(403);

		MvcResult unknown = postJson("admin", "/api/v1/care/sick-reports",
				report(987654321L, today().toString(), null, "市中医院", null));
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(unknown).get("detail").asString()).isEqualTo("找不到该人员");
		assertThat(reports()).isEqualTo(before);
	}
}
