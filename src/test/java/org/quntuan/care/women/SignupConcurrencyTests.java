package org.quntuan.care.women;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * Thirty women of one organ signing up at once for its ten places: the quota row's lock lets exactly ten
 * through, the other twenty wait, nobody is on the list twice.
 */
@Tag("postgres-only")
class SignupConcurrencyTests extends ScreeningTestSupport {

	@Test
	void thirtyWomenSigningUpAtOnceForTenPlacesGetExactlyTen() throws Exception {
		long screening = screeningFor("市财政局", 10);
		List<String> bearers = new ArrayList<>();
		for (String woman : WomenFixtures.women(jdbc, "市财政局", 30)) {
			bearers.add(bearer(woman));
		}
		ExecutorService pool = Executors.newFixedThreadPool(30);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (String who : bearers) {
				answers.add(pool.submit(() -> {
					go.await();
					return mvc.perform(post("/api/v1/women/screenings/" + screening + "/signups").header("Authorization", who))
						.andReturn().getResponse().getStatus();
				}));
			}
			go.countDown();
			for (Future<Integer> f : answers) {
				assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count(screening, "CONFIRMED")).isEqualTo(10);
		assertThat(count(screening, "WAITING")).isEqualTo(20);
		assertThat(jdbc.sql("select count(distinct person_id) from care_women_signup where screening_id = :s")
			.param("s", screening).query(Integer.class).single()).isEqualTo(30);
	}

	private int count(long screening, String status) {
		return jdbc.sql("select count(*) from care_women_signup where screening_id = :s and status = :st")
			.param("s", screening).param("st", status).query(Integer.class).single();
	}
}
