package org.quntuan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.volunteer.VolunteerFixtures.Member;
import org.springframework.test.web.servlet.MvcResult;

class RegistrationApiTests extends VolunteerTestSupport {

	@Test
	void aMemberRegistersAndTheOrgansUnionApprovesWithANumberAndTheOrgansTeamAndTellsTheMember() throws Exception {
		Member m = freshMember("市财政局");
		long id = registered(m);
		// asked again: the standing registration, not a second one
		MvcResult again = postJson(m.username(), "/api/v1/volunteers", REGISTRATION);
		expectStatus(again, 200);
		assertThat(body(again).get("id").asLong()).isEqualTo(id);
		assertThat(jdbc.sql("select count(*) from volunteer where person_id = :p").param("p", m.id()).query(Long.class)
			.single()).isEqualTo(1);
		JsonNode pending = body(getJson("orgadmin1", "/api/v1/volunteers?status=PENDING&size=200"));
		assertThat(pending.findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);

		MvcResult approved = decide("orgadmin1", id, true, null);
		expectStatus(approved, 200);
		JsonNode v = body(approved);
		assertThat(v.get("status").get("code").asString()).isEqualTo("APPROVED");
		assertThat(v.get("number").asString()).matches(today().getYear() + "\\d{5}");
		assertThat(v.get("teamName").asString()).isEqualTo("市财政局志愿服务队");
		assertThat(jdbc.sql("""
				select parent.name from volunteer_team t join volunteer_team parent on parent.id = t.parent_id
				join volunteer v on v.team_id = t.id where v.id = :id""").param("id", id).query(String.class).single())
			.isEqualTo("志愿先锋");
		assertThat(notifications(m.username(), "volunteer-approved")).isEqualTo(1);
		assertThat(audits("VOLUNTEER", id)).isEqualTo(2);
		JsonNode mine = body(getJson(m.username(), "/api/v1/volunteers/me"));
		assertThat(mine.get("registration").get("number").asString()).isEqualTo(v.get("number").asString());
		assertThat(mine.get("registration").get("history").findValues("code").stream().map(JsonNode::asString).toList())
			.containsExactly("REGISTERED", "APPROVED");
		// deciding again is a conflict and changes nothing
		assertThat(decide("orgadmin1", id, false, "重复").getResponse().getStatus()).isEqualTo(409);
		assertThat(status(id)).isEqualTo("APPROVED");
	}

	@Test
	void aRejectionNeedsItsReasonAndTheMemberMayRegisterAgainWithTheHistoryKept() throws Exception {
		Member m = freshMember("市财政局");
		long id = registered(m);
		MvcResult noReason = decide("orgadmin1", id, false, null);
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noReason).toString()).contains("reason");
		assertThat(status(id)).isEqualTo("PENDING");
		expectStatus(decide("orgadmin1", id, false, "请补充服务技能"), 200);
		assertThat(status(id)).isEqualTo("REJECTED");
		assertThat(notifications(m.username(), "volunteer-rejected")).isEqualTo(1);

		MvcResult again = postJson(m.username(), "/api/v1/volunteers", REGISTRATION);
		expectStatus(again, 201);
		assertThat(body(again).get("id").asLong()).isEqualTo(id);
		assertThat(status(id)).isEqualTo("PENDING");
		assertThat(history(id)).containsExactly("REGISTERED", "REJECTED", "REJOINED");
	}

	@Test
	void leavingAndRejoiningKeepTheNumberTheHoursAndTheHistory() throws Exception {
		Member m = volunteer("市财政局");
		long id = jdbc.sql("select id from volunteer where person_id = :p").param("p", m.id()).query(Long.class).single();
		String number = jdbc.sql("select number from volunteer where id = :id").param("id", id).query(String.class).single();
		long claim = claimed(m.username(), today(), "3");
		expectStatus(verify("orgadmin1", claim, true, null, null), 200);

		assertThat(postJson("orgadmin1", "/api/v1/volunteers/" + id + "/leaving", "{}").getResponse().getStatus())
			.isEqualTo(403);
		expectStatus(postJson(m.username(), "/api/v1/volunteers/" + id + "/leaving", "{\"reason\":\"工作调动\"}"), 200);
		assertThat(status(id)).isEqualTo("LEFT");
		// a former volunteer claims no more hours, and keeps the verified ones
		assertThat(claim(m.username(), today(), "1", "离队后").getResponse().getStatus()).isEqualTo(422);
		assertThat(myHours(m.username()).get("verifiedHours").asString()).isEqualTo("3.0");

		expectStatus(postJson(m.username(), "/api/v1/volunteers", REGISTRATION), 201);
		expectStatus(decide("orgadmin1", id, true, null), 200);
		assertThat(jdbc.sql("select number from volunteer where id = :id").param("id", id).query(String.class).single())
			.isEqualTo(number);
		assertThat(history(id)).containsExactly("REGISTERED", "APPROVED", "LEFT", "REJOINED", "APPROVED");
		assertThat(myHours(m.username()).get("verifiedHours").asString()).isEqualTo("3.0");
	}

	@Test
	void onlyTheAdminsOfThePersonDecideAndNobodyDecidesTheirOwn() throws Exception {
		Member m = freshMember("市财政局");
		long id = registered(m);
		// another organ's union and another member: the registration does not exist for them
		assertThat(decide("orgadmin2", id, true, null).getResponse().getStatus()).isEqualTo(404);
		assertThat(decide("member1", id, true, null).getResponse().getStatus()).isEqualTo(404);
		assertThat(getJson("orgadmin2", "/api/v1/volunteers/" + id).getResponse().getStatus()).isEqualTo(404);
		// the person themselves: theirs to see, not to decide
		expectStatus(getJson(m.username(), "/api/v1/volunteers/" + id), 200);
		assertThat(decide(m.username(), id, true, null).getResponse().getStatus()).isEqualTo(403);
		assertThat(status(id)).isEqualTo("PENDING");
		// the 片组 above and the federation may
		expectStatus(decide("group1", id, true, null), 200);
		Member other = freshMember("市教育局");
		long otherId = registered(other);
		expectStatus(decide("admin", otherId, true, null), 200);
		assertThat(jdbc.sql("select count(distinct number) from volunteer where id in (:a, :b)").param("a", id)
			.param("b", otherId).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aRegistrationWithoutConsentOrSkillsIsRefusedAndNothingIsStored() throws Exception {
		Member m = freshMember("市财政局");
		MvcResult r = postJson(m.username(), "/api/v1/volunteers",
				"{\"skills\":\" \",\"areas\":\"社区敬老\",\"availability\":\"周末\",\"consent\":false}");
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(r).toString()).contains("skills").contains("consent");
		assertThat(jdbc.sql("select count(*) from volunteer where person_id = :p").param("p", m.id()).query(Long.class)
			.single()).isZero();
		// an account without a person (the federation's admin) cannot register
		assertThat(postJson("admin", "/api/v1/volunteers", REGISTRATION).getResponse().getStatus()).isEqualTo(422);
	}

	String status(long id) {
		return jdbc.sql("select status from volunteer where id = :id").param("id", id).query(String.class).single();
	}

	List<String> history(long id) {
		return jdbc.sql("select kind from volunteer_event where volunteer_id = :id order by id").param("id", id)
			.query(String.class).list();
	}
}
