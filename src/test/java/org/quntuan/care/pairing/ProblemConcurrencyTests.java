package org.quntuan.care.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two admins moving the same problem at once, each from the version they read (the organ's admin accepting
 * it, the work committee accepting it too): one step is taken, the other is told the problem changed (409),
 * and the history holds one step.
 */
@Tag("postgres-only")
class ProblemConcurrencyTests extends PairingFixtures {

	@Test
	void twoSimultaneousMovesOfOneProblemTakeOneStep() throws Exception {
		long pair = pair("市财政局");
		for (int round = 0; round < 5; round++) {
			long problem = problem("orgadmin1", pair, "OTHER", today().plusDays(10));
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			try {
				for (String user : new String[] { "orgadmin1", "admin" }) {
					String bearer = bearer(user);
					answers.add(pool.submit(() -> {
						go.await();
						return mvc.perform(patch("/api/v1/pair-problems/" + problem).header("Authorization", bearer)
							.contentType("application/json")
							.content("{\"status\":\"ACCEPTED\",\"note\":\"" + user + " 受理\",\"version\":0}")).andReturn()
							.getResponse().getStatus();
					}));
				}
				go.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> f : answers) {
					statuses.add(f.get(60, TimeUnit.SECONDS));
				}
				assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(status(problem)).isEqualTo("ACCEPTED");
			assertThat(steps(problem)).isEqualTo(2);
			assertThat(jdbc.sql("select version from care_pair_problem where id = :id").param("id", problem)
				.query(Integer.class).single()).isEqualTo(1);
		}
	}
}
