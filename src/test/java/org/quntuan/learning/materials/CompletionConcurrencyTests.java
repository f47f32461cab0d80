package org.quntuan.learning.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** 学完 sent many times at once (a double tap, a retrying phone) earns the points once: a real PostgreSQL race. */
@Tag("postgres-only")
class CompletionConcurrencyTests extends IntegrationTest {

	@Test
	void twentyCompletionsAtOnceGiveThePointsOnce() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第三片组");
		var reader = ActivityFixtures.members(jdbc, organ, 1, "MALE", LocalDate.of(1988, 8, 8)).get(0);
		MvcResult created = mvc.perform(post("/api/v1/learning/materials").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"并发学完" + System.nanoTime() + "\",\"kind\":\"ARTICLE\",\"body\":\"<p>正文</p>\",\"points\":3,\"public\":true}"))
			.andReturn();
		long id = body(created).get("id").asLong();
		mvc.perform(post("/api/v1/learning/materials/" + id + "/open").header("Authorization", reader.bearer()));
		jdbc.sql("update learning_open set opened_at = :t where material_id = :m and person_id = :p")
			.param("t", OffsetDateTime.now(TestClock.CLOCK).minusMinutes(5)).param("m", id).param("p", reader.personId())
			.update();
		for (int round = 0; round < 3; round++) {
			ExecutorService pool = Executors.newFixedThreadPool(20);
			CountDownLatch start = new CountDownLatch(1);
			List<String> answers = new ArrayList<>();
			try {
				List<Callable<String>> calls = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					calls.add(() -> {
						start.await();
						MvcResult r = mvc.perform(post("/api/v1/learning/materials/" + id + "/completion")
							.header("Authorization", reader.bearer())).andReturn();
						return r.getResponse().getStatus() + " " + r.getResponse().getContentAsString();
					});
				}
				List<Future<String>> futures = new ArrayList<>();
				for (Callable<String> call : calls) {
					futures.add(pool.submit(call));
				}
				start.countDown();
				for (Future<String> f : futures) {
					answers.add(f.get());
				}
			}
			finally {
				pool.shutdown();
			}
			assertThat(answers).allMatch(a -> a.startsWith("200 "));
			assertThat(answers.stream().filter(a -> a.contains("\"earned\":true"))).hasSize(round == 0 ? 1 : 0);
		}
		assertThat(jdbc.sql("select count(*), sum(points) from learning_completion where material_id = :m and person_id = :p")
			.param("m", id).param("p", reader.personId()).query((rs, i) -> rs.getInt(1) + "/" + rs.getInt(2)).single())
			.isEqualTo("1/3");
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'LEARNING_COMPLETION' and object_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isOne();
	}
}
