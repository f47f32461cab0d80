package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class MemberLifecycleTests extends IntegrationTest {

	private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) throws Exception {
		return request.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON);
	}

	private JsonNode register(String organ) throws Exception {
		Map<String, Object> p = MemberApiTests.newPerson(orgId(organ), true);
		return body(mvc.perform(as("admin", post("/api/v1/members")).content(json.writeValueAsString(p)))
			.andExpect(status().isCreated()).andReturn());
	}

	@Test
	void aTransferMovesThePersonAndTheirUnionMembershipAndTheScopeFollowsAtOnce() throws Exception {
		JsonNode person = register("市财政局");
		long id = person.get("id").asLong();
		startedInTheOrganOn(id, today().minusDays(30));
		mvc.perform(as("orgadmin1", get("/api/v1/members/" + id))).andExpect(status().isOk());

		JsonNode moved = body(mvc.perform(as("admin", post("/api/v1/members/" + id + "/transfer"))
			.content("{\"toOrganId\":" + orgId("市教育局") + ",\"effectiveDate\":\"" + today().minusDays(4)
					+ "\",\"reason\":\"工作调动\",\"version\":0}"))
			.andExpect(status().isOk()).andReturn());
		assertThat(moved.get("organName").asString()).isEqualTo("市教育局");
		assertThat(moved.get("unionStatus").get("code").asString()).isEqualTo("MEMBER");
		assertThat(moved.get("organHistory")).hasSize(2);
		assertThat(moved.get("organHistory").get(0).get("organName").asString()).isEqualTo("市教育局");
		assertThat(moved.get("organHistory").get(1).get("validTo").asString()).isEqualTo(today().minusDays(5).toString());
		assertThat(moved.get("organHistory").get(1).get("endReason").asString()).isEqualTo("工作调动");

		mvc.perform(as("orgadmin1", get("/api/v1/members/" + id))).andExpect(status().isNotFound());
		mvc.perform(as("orgadmin2", get("/api/v1/members/" + id))).andExpect(status().isOk());
		mvc.perform(as("orgadmin2", get("/api/v1/members").param("q", person.get("name").asString())))
			.andExpect(jsonPath("$.totalElements").value(1));
	}

	@Test
	void aTransferCannotBeDatedBeforeTheCurrentPeriodBeganNorInTheFuture() throws Exception {
		long id = register("市财政局").get("id").asLong();
		LocalDate began = today().minusDays(10);
		startedInTheOrganOn(id, began);
		mvc.perform(as("admin", post("/api/v1/members/" + id + "/transfer")).content("{\"toOrganId\":" + orgId("市教育局")
				+ ",\"effectiveDate\":\"" + began.minusDays(1) + "\",\"reason\":\"补录\",\"version\":0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString(began.toString())));
		mvc.perform(as("admin", post("/api/v1/members/" + id + "/transfer")).content("{\"toOrganId\":" + orgId("市教育局")
				+ ",\"effectiveDate\":\"" + today().plusDays(1) + "\",\"reason\":\"预约调动\",\"version\":0}"))
			.andExpect(status().isBadRequest());
		mvc.perform(as("admin", post("/api/v1/members/" + id + "/leave"))
			.content("{\"type\":\"RETIRED\",\"effectiveDate\":\"" + began.minusDays(1) + "\",\"reason\":\"到龄退休\",\"version\":0}"))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select count(*) from person_organ_history where person_id = :id").param("id", id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select version from person where id = :id").param("id", id).query(Integer.class).single())
			.isZero();
	}

	@Test
	void aSameDayCorrectionKeepsBothPeriodsInOrder() throws Exception {
		long id = register("市财政局").get("id").asLong();
		JsonNode moved = body(mvc.perform(as("admin", post("/api/v1/members/" + id + "/transfer"))
			.content("{\"toOrganId\":" + orgId("市教育局") + ",\"reason\":\"录错单位\",\"version\":0}"))
			.andExpect(status().isOk()).andReturn());
		assertThat(moved.get("organHistory").get(0).get("organName").asString()).isEqualTo("市教育局");
		JsonNode old = moved.get("organHistory").get(1);
		assertThat(old.get("validTo").asString()).isEqualTo(today().toString()).isEqualTo(old.get("validFrom").asString());
	}

	private static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	private void startedInTheOrganOn(long personId, LocalDate day) {
		jdbc.sql("update person_organ_history set valid_from = :d where person_id = :p").param("d", day).param("p", personId)
			.update();
	}

	@Test
	void aGroupAdminCannotTransferIntoAnotherGroupAndAStaleVersionIsAConflict() throws Exception {
		long id = register("市财政局").get("id").asLong();
		mvc.perform(as("group1", post("/api/v1/members/" + id + "/transfer"))
			.content("{\"toOrganId\":" + orgId("市教育局") + ",\"reason\":\"越权\",\"version\":0}"))
			.andExpect(status().isNotFound());
		mvc.perform(as("admin", post("/api/v1/members/" + id + "/transfer"))
			.content("{\"toOrganId\":" + orgId("市教育局") + ",\"reason\":\"过期\",\"version\":5}"))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from person_organ_history where person_id = :id").param("id", id)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void retiringKeepsTheRecordOutOfTheActiveListAndFreesTheMobile() throws Exception {
		JsonNode person = register("市教育局");
		long id = person.get("id").asLong();
		String name = person.get("name").asString();
		mvc.perform(as("admin", post("/api/v1/members/" + id + "/leave"))
			.content("{\"type\":\"退休\",\"reason\":\"到龄退休\",\"version\":0}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.employmentStatus.code").value("RETIRED"));
		mvc.perform(as("admin", get("/api/v1/members").param("q", name))).andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(as("admin", get("/api/v1/members").param("q", name).param("status", "INACTIVE")))
			.andExpect(jsonPath("$.totalElements").value(1));
		mvc.perform(as("orgadmin2", get("/api/v1/members/" + id))).andExpect(status().isOk());

		String mobile = jdbc.sql("select mobile from person where id = :id").param("id", id).query(String.class).single();
		Map<String, Object> successor = MemberApiTests.newPerson(orgId("市教育局"), false);
		successor.put("mobile", mobile);
		mvc.perform(as("admin", post("/api/v1/members")).content(json.writeValueAsString(successor)))
			.andExpect(status().isCreated());
		mvc.perform(as("admin", post("/api/v1/members/" + id + "/leave"))
			.content("{\"type\":\"LEFT\",\"reason\":\"再次\",\"version\":1}"))
			.andExpect(status().isConflict());
	}

	@Test
	void leavingNeedsAKindAndAReason() throws Exception {
		long id = register("市教育局").get("id").asLong();
		mvc.perform(as("admin", post("/api/v1/members/" + id + "/leave")).content("{\"type\":\"IN_SERVICE\",\"reason\":\"x\",\"version\":0}"))
			.andExpect(status().isBadRequest());
		mvc.perform(as("admin", post("/api/v1/members/" + id + "/leave")).content("{\"type\":\"RETIRED\",\"reason\":\" \",\"version\":0}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
	}
}
