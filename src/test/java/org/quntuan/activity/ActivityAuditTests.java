package org.quntuan.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures.Member;
import org.quntuan.support.AuditTrail;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Every change to an activity, by its organizer or by a member, is one audit event on the activity. */
class ActivityAuditTests extends IntegrationTest {

	@Autowired
	Clock clock;

	@Test
	void theWholeStoryOfAnActivityIsInTheAuditLogUnderTheOrganizersPath() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第二片组");
		List<Member> ms = ActivityFixtures.members(jdbc, organ, 2, "FEMALE", LocalDate.of(1990, 5, 5));
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("title", "审计测试羽毛球赛");
		a.put("type", "SPORTS_CULTURE");
		a.put("place", "机关活动中心");
		a.put("seats", 2);
		a.put("needsApproval", true);
		a.put("startAt", now.plusDays(3).toString());
		a.put("endAt", now.plusDays(3).plusHours(2).toString());
		a.put("signupOpensAt", now.minusDays(1).toString());
		a.put("signupClosesAt", now.plusDays(2).toString());
		a.put("audience", Map.of("orgIds", List.of(organ)));
		long id = body(mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(a))).andExpect(status().isCreated())
			.andReturn()).get("id").asLong();

		mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", ms.get(0).bearer()))
			.andExpect(status().is2xxSuccessful());
		// a repeated submit changes nothing and logs nothing
		mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", ms.get(0).bearer()))
			.andExpect(status().is2xxSuccessful());
		mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", ms.get(1).bearer()))
			.andExpect(status().is2xxSuccessful());
		long pending = body(mvc.perform(get("/api/v1/activities/" + id + "/registrations").header("Authorization", bearer("admin")))
			.andReturn()).get("pending").get(0).get("id").asLong();
		mvc.perform(post("/api/v1/activities/" + id + "/registrations/" + pending + "/approve")
			.header("Authorization", bearer("admin"))).andExpect(status().isOk());
		mvc.perform(delete("/api/v1/activities/" + id + "/registrations/mine").header("Authorization", ms.get(1).bearer()))
			.andExpect(status().is2xxSuccessful());
		mvc.perform(put("/api/v1/activities/" + id + "/seats").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"seats\":5,\"version\":" + jdbc.sql("select version from activity where id = :id")
				.param("id", id).query(Integer.class).single() + "}")).andExpect(status().isOk());
		mvc.perform(post("/api/v1/activities/" + id + "/cancel").header("Authorization", bearer("admin")))
			.andExpect(status().isOk());

		String organizer = jdbc.sql("select organizer_path from activity where id = :id").param("id", id)
			.query(String.class).single();
		List<AuditTrail.Event> events = AuditTrail.of(jdbc, "ACTIVITY", id);
		assertThat(events).extracting(AuditTrail.Event::type)
			.containsExactly("PUBLISH", "CREATE", "CREATE", "DECIDE", "CANCEL", "UPDATE", "CANCEL");
		assertThat(events).extracting(AuditTrail.Event::orgPath).containsOnly(organizer);
		assertThat(events).extracting(AuditTrail.Event::result).containsOnly("SUCCESS");
		assertThat(events).extracting(AuditTrail.Event::actor)
			.containsExactly("admin", username(ms.get(0)), username(ms.get(1)), "admin", username(ms.get(1)), "admin", "admin");
		assertThat(events).extracting(AuditTrail.Event::detail).containsExactly(
				"发布活动：审计测试羽毛球赛，名额 2 人",
				"报名参加活动：审计测试羽毛球赛（待审核）",
				"报名参加活动：审计测试羽毛球赛（待审核）",
				"通过报名：" + name(ms.get(0)) + "，活动：审计测试羽毛球赛",
				"取消报名：审计测试羽毛球赛",
				"修改活动名额：审计测试羽毛球赛，2 → 5 人",
				"取消活动：审计测试羽毛球赛");
	}

	private String username(Member m) {
		return jdbc.sql("select username from account where id = :a").param("a", m.accountId()).query(String.class).single();
	}

	private String name(Member m) {
		return jdbc.sql("select name from person where id = :p").param("p", m.personId()).query(String.class).single();
	}
}
