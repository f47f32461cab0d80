package org.quntuan.governance.votes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.governance.votes.VoteFixtures.json;
import static org.quntuan.governance.votes.VoteFixtures.options;
import static org.quntuan.governance.votes.VoteFixtures.username;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Fifty members vote at once, each sending their ballot twice at the same moment: exactly fifty ballots
 * count, one per member, and each member's second ballot is refused.
 */
@Tag("postgres-only")
class BallotConcurrencyTests extends IntegrationTest {

	private long root() {
		return jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only").query(Long.class)
			.single();
	}

	@Test
	void fiftyMembersVotingAtOnceCountExactlyFifty() throws Exception {
		List<Long> voters = VoteFixtures.anyPeople(jdbc, 50);
		assertThat(voters).hasSize(50);
		MvcResult created = mvc.perform(post("/api/v1/votes").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("并发投票" + System.nanoTime(), root(), voters, true, 1, "同意", "不同意"))).andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		long vote = body(created).get("id").asLong();
		List<Long> options = options(jdbc, vote);
		List<String> bearers = new ArrayList<>();
		for (Long p : voters) {
			bearers.add(bearer(username(jdbc, p)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 100; i++) {
				String who = bearers.get(i % 50);
				long option = options.get(i % 2);
				answers.add(pool.submit(() -> {
					go.await();
					return mvc.perform(post("/api/v1/votes/" + vote + "/ballots").header("Authorization", who)
						.contentType(MediaType.APPLICATION_JSON).content("{\"choices\":[" + option + "]}")).andReturn()
						.getResponse().getStatus();
				}));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : answers) {
				statuses.add(f.get(120, TimeUnit.SECONDS));
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(50);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(50);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(VoteFixtures.registered(jdbc, vote)).isEqualTo(50);
		assertThat(VoteFixtures.ballots(jdbc, vote)).isEqualTo(50);
		assertThat(jdbc.sql("select count(*) from gov_vote_choice c join gov_vote_ballot b on b.id = c.ballot_id "
				+ "where b.vote_id = :v").param("v", vote).query(Integer.class).single()).isEqualTo(50);
	}
}
