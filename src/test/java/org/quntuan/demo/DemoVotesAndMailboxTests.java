package org.quntuan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;

/**
 * The demo's votes and letters: member1 may vote in an open vote of this year, a closed one shows its
 * results, and the letters to 市财政局工会 are in every state, one of them escalated to the work committee.
 */
class DemoVotesAndMailboxTests extends IntegrationTest {

	@Test
	void member1HasAnOpenVoteAndTheResultsOfAClosedOne() throws Exception {
		JsonNode votes = body(mvc.perform(get("/api/v1/votes?size=200").header("Authorization", bearer("member1")))
			.andReturn()).get("content");
		JsonNode open = votes.valueStream().filter(v -> v.get("title").asString().endsWith("年度职工之家建设满意度测评"))
			.findFirst().orElseThrow();
		assertThat(open.get("state").get("code").asString()).isEqualTo("OPEN");
		assertThat(open.get("eligible").asBoolean()).isTrue();
		JsonNode closed = votes.valueStream().filter(v -> v.get("title").asString().endsWith("年度“最美职工”推选"))
			.findFirst().orElseThrow();
		assertThat(OffsetDateTime.parse(closed.get("closesAt").asString())).isBefore(OffsetDateTime.now(TestClock.CLOCK));
		JsonNode results = body(mvc.perform(get("/api/v1/votes/" + closed.get("id").asLong() + "/results")
			.header("Authorization", bearer("member1"))).andReturn());
		assertThat(results.get("ballots").asInt()).isPositive();
		assertThat(results.get("choices")).isNotEmpty();
	}

	@Test
	void theLettersAreInEveryStateAndOneIsEscalated() {
		assertThat(jdbc.sql("select distinct status from gov_mailbox_letter where body not like '矩阵测试%'")
			.query(String.class).list()).contains("SUBMITTED", "ASSIGNED", "REPLIED", "RATED");
		assertThat(jdbc.sql("select count(*) from gov_mailbox_letter where escalated = true and anonymous = true")
			.query(Integer.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from gov_mailbox_letter where to_federation = true").query(Integer.class)
			.single()).isPositive();
	}
}
