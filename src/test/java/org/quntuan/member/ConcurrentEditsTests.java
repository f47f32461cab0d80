package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Two people pressing save at the same moment: exactly one wins, the other gets a conflict, and
 * nothing is written twice. Runs on H2 and on PostgreSQL.
 */
class ConcurrentEditsTests extends IntegrationTest {

	private static final int RACERS = 6;

	private List<Integer> race(Callable<MockHttpServletRequestBuilder> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < RACERS; i++) {
			MockHttpServletRequestBuilder built = request.call();
			results.add(pool.submit(() -> {
				start.await();
				return mvc.perform(built).andReturn().getResponse().getStatus();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> f : results) {
			statuses.add(f.get());
		}
		pool.shutdown();
		return statuses;
	}

	@Test
	void concurrentRegistrationsOfTheSamePersonCreateOne() throws Exception {
		Map<String, Object> p = MemberApiTests.newPerson(orgId("市财政局"), false);
		String body = json.writeValueAsString(p);
		String token = bearer("admin");
		List<Integer> statuses = race(() -> post("/api/v1/members").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body));
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from person where id_number = :id").param("id", p.get("idNumber"))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from person_organ_history h join person p on p.id = h.person_id where p.id_number = :id""")
			.param("id", p.get("idNumber")).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void concurrentSavesOfTheSameVersionLetExactlyOneThrough() throws Exception {
		Map<String, Object> p = MemberApiTests.newPerson(orgId("市教育局"), true);
		String token = bearer("admin");
		long id = body(mvc.perform(post("/api/v1/members").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(p))).andReturn()).get("id").asLong();
		p.put("version", 0);
		int[] n = { 0 };
		List<Integer> statuses = race(() -> {
			p.put("position", "职务" + n[0]++);
			return put("/api/v1/members/" + id).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(p));
		});
		assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
		assertThat(statuses).containsOnly(200, 409);
		assertThat(jdbc.sql("select version from person where id = :id").param("id", id).query(Integer.class).single())
			.isEqualTo(1);
	}
}
