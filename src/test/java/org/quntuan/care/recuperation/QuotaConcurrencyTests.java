package org.quntuan.care.recuperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.care.recuperation.RecuperationFixtures.fresh;
import static org.quntuan.care.recuperation.RecuperationFixtures.organ;
import static org.quntuan.care.recuperation.RecuperationFixtures.today;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
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
 * Admins filling an organ's last places at once (the work committee and the 片组's admin, each with the same
 * people): the organ's quota holds, nobody is on the list twice; and one person nominated to two batches at
 * once is open in one of them only.
 */
@Tag("postgres-only")
class QuotaConcurrencyTests extends IntegrationTest {

	private long batch(String organ, int places) throws Exception {
		LocalDate start = today().plusDays(40);
		MvcResult created = mvc.perform(post("/api/v1/care/recuperation/batches").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"并发疗休养" + System.nanoTime() + "\",\"kind\":\"STAFF\",\"destination\":\"黄山\",\"startsOn\":\""
					+ start + "\",\"endsOn\":\"" + start.plusDays(3) + "\",\"capacity\":10,\"costPerPerson\":\"2800\","
					+ "\"quotas\":[{\"organId\":" + orgId(organ) + ",\"places\":" + places + "}]}"))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		return body(created).get("id").asLong();
	}

	private int status(String bearer, long batch, long person) throws Exception {
		return mvc.perform(post("/api/v1/care/recuperation/batches/" + batch + "/nominations").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content("{\"personId\":" + person + "}")).andReturn().getResponse()
			.getStatus();
	}

	@Test
	void twelveNominationsAtOnceForThreePlacesTakeExactlyThree() throws Exception {
		String adminBearer = bearer("admin");
		String groupBearer = bearer("group1");
		for (int round = 0; round < 3; round++) {
			String organ = organ(jdbc, "第一片组", round % 2);
			long batch = batch(organ, 3);
			List<Long> people = fresh(jdbc, organ, 6);
			ExecutorService pool = Executors.newFixedThreadPool(12);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			try {
				for (int i = 0; i < 12; i++) {
					long person = people.get(i % 6);
					String who = i < 6 ? adminBearer : groupBearer;
					answers.add(pool.submit(() -> {
						go.await();
						return status(who, batch, person);
					}));
				}
				go.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> f : answers) {
					statuses.add(f.get(60, TimeUnit.SECONDS));
				}
				assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
				assertThat(statuses).filteredOn(s -> s == 422).hasSize(9);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(jdbc.sql("""
					select count(*) from care_recuperation_nomination where batch_id = :b
					  and status in ('NOMINATED', 'CONFIRMED')""").param("b", batch).query(Integer.class).single())
				.isEqualTo(3);
			assertThat(jdbc.sql("select count(distinct person_id) from care_recuperation_nomination where batch_id = :b")
				.param("b", batch).query(Integer.class).single()).isEqualTo(3);
			// the three left out are free for the next round
		}
	}

	@Test
	void onePersonNominatedToTwoBatchesAtOnceIsOpenInOneOnly() throws Exception {
		String organ = organ(jdbc, "第二片组", 1);
		String adminBearer = bearer("admin");
		for (int round = 0; round < 5; round++) {
			long a = batch(organ, 5);
			long b = batch(organ, 5);
			long person = fresh(jdbc, organ, 1).get(0);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch go = new CountDownLatch(1);
			try {
				Future<Integer> first = pool.submit(() -> {
					go.await();
					return status(adminBearer, a, person);
				});
				Future<Integer> second = pool.submit(() -> {
					go.await();
					return status(adminBearer, b, person);
				});
				go.countDown();
				List<Integer> statuses = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
				assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
				assertThat(statuses).filteredOn(s -> s == 409 || s == 422).hasSize(1);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(jdbc.sql("select count(*) from care_recuperation_nomination where person_id = :p").param("p", person)
				.query(Integer.class).single()).isEqualTo(1);
		}
	}
}
