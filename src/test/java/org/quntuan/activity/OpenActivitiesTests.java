package org.quntuan.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures.Member;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The member's list of open activities comes from a snapshot in memory ({@link OpenActivities}):
 * what the platform itself publishes, changes or cancels shows at once, the seats shown are read
 * afresh, and only a change written behind its back waits for the snapshot to expire.
 */
@TestPropertySource(properties = "quntuan.activities.open-cache-ttl=PT1H")
class OpenActivitiesTests extends IntegrationTest {

	private long create(String title, int seats, long organ) throws Exception {
		MvcResult r = mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(ActivityApiTests.activity(title, seats, List.of(organ))))).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private JsonNode card(Member m, long id) throws Exception {
		JsonNode list = body(mvc.perform(get("/api/v1/activities?size=200").header("Authorization", m.bearer())).andReturn());
		for (JsonNode card : list.get("content")) {
			if (card.get("id").asLong() == id) {
				return card;
			}
		}
		return null;
	}

	@Test
	void publishingAndCancellingShowAtOnceAndTheSeatsShownAreCurrent() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		List<Member> ms = ActivityFixtures.members(jdbc, organ, 2, "MALE", LocalDate.of(1988, 3, 1));
		long first = create("快照测试一", 5, organ);
		assertThat(card(ms.get(0), first)).as("published: in the list at once").isNotNull();

		long second = create("快照测试二", 5, organ);
		assertThat(card(ms.get(0), second)).as("a second one, published after the snapshot was read").isNotNull();

		assertThat(mvc.perform(post("/api/v1/activities/" + first + "/registrations").header("Authorization", ms.get(1).bearer()))
			.andReturn().getResponse().getStatus()).isEqualTo(201);
		assertThat(card(ms.get(0), first).get("confirmedCount").asInt()).as("seats read afresh").isEqualTo(1);

		assertThat(mvc.perform(post("/api/v1/activities/" + first + "/cancel").header("Authorization", bearer("admin")))
			.andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(card(ms.get(0), first)).as("cancelled: gone at once").isNull();
		assertThat(card(ms.get(0), second)).isNotNull();

		// a change behind the platform's back (another node's) waits for the snapshot to expire, but a
		// page never shows an activity that is no longer published
		jdbc.sql("update activity set status = 'CANCELLED' where id = :id").param("id", second).update();
		assertThat(card(ms.get(0), second)).isNull();
	}
}
