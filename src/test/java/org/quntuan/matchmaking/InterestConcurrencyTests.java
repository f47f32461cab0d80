package org.quntuan.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.matchmaking.MatchmakingFixtures.Single;
import org.springframework.http.MediaType;

/**
 * A's interest in B and B's in A at the same moment: both are stored, and they make exactly one match
 * (the profiles' rows are locked in id order, so the second finds the first). Repeated, on PostgreSQL.
 */
@Tag("postgres-only")
class InterestConcurrencyTests extends MatchmakingTestSupport {

	private int express(String bearer, long to) throws Exception {
		return mvc.perform(post(API + "/interests").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":" + to + "}")).andReturn().getResponse().getStatus();
	}

	@Test
	void crossingInterestsAtTheSameMomentMakeExactlyOneMatch() throws Exception {
		for (int round = 0; round < 5; round++) {
			String town = town();
			Single he = MatchmakingFixtures.single(jdbc, "市财政局", "MALE", 30);
			Single she = MatchmakingFixtures.single(jdbc, "市教育局", "FEMALE", 28);
			long his = approvedSingle(he, town, "\"徒步\"", null);
			long hers = approvedSingle(she, town, "\"徒步\"", null);
			String hisBearer = bearer(he.username());
			String herBearer = bearer(she.username());
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch go = new CountDownLatch(1);
			try {
				Future<Integer> first = pool.submit(() -> {
					go.await();
					return express(hisBearer, hers);
				});
				Future<Integer> second = pool.submit(() -> {
					go.await();
					return express(herBearer, his);
				});
				go.countDown();
				assertThat(List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)))
					.containsExactly(201, 201);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(jdbc.sql("""
					select count(*) from matchmaking_match where low_profile_id = :l and high_profile_id = :h""")
				.param("l", Math.min(his, hers)).param("h", Math.max(his, hers)).query(Integer.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("""
					select status from matchmaking_interest where (from_profile_id = :a and to_profile_id = :b)
					  or (from_profile_id = :b and to_profile_id = :a)""")
				.param("a", his).param("b", hers).query(String.class).list()).containsExactly("ACCEPTED", "ACCEPTED");
		}
	}
}
