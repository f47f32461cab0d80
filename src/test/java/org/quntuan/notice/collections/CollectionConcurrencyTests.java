package org.quntuan.notice.collections;

import org.quntuan.notice.NoticeFixtures;
import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;

/** Two uploads for one target at the same moment make one submission holding both files. */
@Tag("postgres-only")
class CollectionConcurrencyTests extends IntegrationTest {

	private static final int RACERS = 4;

	@Test
	void concurrentFirstUploadsOfOneOrgMakeOneSubmission() throws Exception {
		String admin = bearer("admin");
		long id = body(mvc.perform(post("/api/v1/collections").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("title",
					NoticeFixtures.unique("并发"), "instructions", "并发报送", "deadline",
					OffsetDateTime.now(TestClock.CLOCK).plusDays(1).toString(), "targets",
					Map.of("orgIds", List.of(orgId("市财政局工会")))))))
			.andReturn()).get("id").asLong();
		String token = bearer("orgadmin1");
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < RACERS; i++) {
			var request = multipart("/api/v1/collections/" + id + "/submissions")
				.file(NoticeFixtures.pdf("file", "材料" + i + ".pdf")).header("Authorization", token);
			results.add(pool.submit(() -> {
				start.await();
				return mvc.perform(request).andReturn().getResponse().getStatus();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> f : results) {
			statuses.add(f.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(201);
		assertThat(jdbc.sql("select count(*) from collection_submission where task_id = :t").param("t", id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from collection_file f join collection_submission s on s.id = f.submission_id
				where s.task_id = :t""").param("t", id).query(Long.class).single()).isEqualTo(RACERS);
	}
}
