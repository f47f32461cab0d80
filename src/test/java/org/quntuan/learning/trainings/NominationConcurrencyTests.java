package org.quntuan.learning.trainings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Admins filling the last places of a class at once (the federation and an organ's admin, each with
 * several people): the quota per organ holds, and a person nominated twice at once is on the list once.
 */
@Tag("postgres-only")
class NominationConcurrencyTests extends IntegrationTest {

	@Test
	void twelveNominationsAtOnceForThreePlacesTakeExactlyThree() throws Exception {
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		OffsetDateTime start = OffsetDateTime.now(TestClock.CLOCK).plusDays(1);
		for (int round = 0; round < 3; round++) {
			MvcResult created = mvc.perform(post("/api/v1/trainings").header("Authorization", bearer("admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"并发推荐培训班" + round + "\",\"place\":\"市委党校\",\"startsOn\":\"" + today
						+ "\",\"endsOn\":\"" + today.plusDays(3) + "\",\"quotaPerUnit\":3,\"sessions\":[{\"startsAt\":\""
						+ start + "\",\"endsAt\":\"" + start.plusHours(2)
						+ "\",\"place\":\"市委党校\",\"topic\":\"课\",\"teacher\":\"王老师\",\"form\":\"LECTURE\"}]}"))
				.andReturn();
			assertThat(created.getResponse().getStatus()).isEqualTo(201);
			long training = body(created).get("id").asLong();
			List<Long> people = jdbc.sql("""
					select p.id from person p join org o on o.id = p.organ_id
					where o.name = '市财政局' and p.active = true and p.union_status = 'MEMBER'
					order by p.id fetch first 6 rows only""").query(Long.class).list();
			assertThat(people).hasSize(6);
			String adminBearer = bearer("admin");
			String organBearer = bearer("orgadmin1");
			ExecutorService pool = Executors.newFixedThreadPool(12);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			try {
				for (int i = 0; i < 12; i++) {
					// every person twice: once by the federation, once by the organ's admin
					long person = people.get(i % 6);
					String who = i < 6 ? adminBearer : organBearer;
					answers.add(pool.submit(() -> {
						go.await();
						return mvc.perform(post("/api/v1/trainings/" + training + "/nominations").header("Authorization", who)
							.contentType(MediaType.APPLICATION_JSON).content("{\"personId\":" + person + "}"))
							.andReturn().getResponse().getStatus();
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
			assertThat(jdbc.sql("select count(*) from learning_training_trainee where training_id = :t").param("t", training)
				.query(Integer.class).single()).isEqualTo(3);
			assertThat(jdbc.sql("select count(distinct person_id) from learning_training_trainee where training_id = :t")
				.param("t", training).query(Integer.class).single()).isEqualTo(3);
		}
	}
}
