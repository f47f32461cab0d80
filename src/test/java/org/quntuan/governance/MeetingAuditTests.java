package org.quntuan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.AuditTrail;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A meeting scheduled, its minutes drafted and published: three audit events under the union's path. */
class MeetingAuditTests extends IntegrationTest {

	@Autowired
	Clock clock;

	private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) throws Exception {
		return request.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON);
	}

	private int version(long meetingId) {
		return jdbc.sql("select version from meeting where id = :id").param("id", meetingId).query(Integer.class).single();
	}

	@Test
	void schedulingAndMinutesOfAMeetingAreOnTheRecordOfItsUnion() throws Exception {
		List<Long> invitees = jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = '市财政局' and p.active = true order by p.id fetch first 2 rows only""").query(Long.class).list();
		String title = "审计测试例会-" + System.nanoTime() % 100000;
		OffsetDateTime startsAt = OffsetDateTime.now(clock).atZoneSameInstant(Zones.BUSINESS).toOffsetDateTime()
			.minusHours(2).withNano(0);
		long id = body(mvc.perform(as("orgadmin1", post("/api/v1/meetings")).content(json.writeValueAsString(Map.of(
				"orgId", orgId("市财政局工会"), "title", title, "kind", "例会", "startsAt", startsAt.toString(), "place",
				"三楼会议室", "inviteeIds", invitees))))
			.andExpect(status().isCreated()).andReturn()).get("id").asLong();
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/minutes"))
			.content("{\"minutes\":\"研究了工作。\",\"publish\":false,\"version\":" + version(id) + "}")).andExpect(status().isOk());
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/minutes"))
			.content("{\"minutes\":\"研究了工作。\",\"publish\":true,\"version\":" + version(id) + "}")).andExpect(status().isOk());

		List<AuditTrail.Event> events = AuditTrail.of(jdbc, "MEETING", id);
		assertThat(events).extracting(AuditTrail.Event::type).containsExactly("CREATE", "UPDATE", "PUBLISH");
		assertThat(events).extracting(AuditTrail.Event::actor).containsOnly("orgadmin1");
		assertThat(events).extracting(AuditTrail.Event::orgPath).containsOnly(AuditTrail.pathOf(jdbc, "市财政局工会"));
		assertThat(events).extracting(AuditTrail.Event::detail).containsExactly(
				"安排会议：市财政局工会 例会「" + title + "」，" + startsAt.format(Meetings.WHEN) + "，邀请 2 人",
				"保存会议纪要草稿：" + title, "发布会议纪要：" + title);
	}
}
