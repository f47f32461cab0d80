package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, requests at once: two recordings of the same visit (the federation's admin and the
 * organ's) make one visit and one journal entry, the other 409; additions that together pass the budget
 * leave exactly as many on the list as the budget holds.
 */
@Tag("postgres-only")
class VisitConcurrencyTests extends VisitFixtures {

	private List<Integer> atOnce(List<Callable<Integer>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (Callable<Integer> call : calls) {
				answers.add(pool.submit(() -> {
					go.await();
					return call.call();
				}));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : answers) {
				statuses.add(f.get(60, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoRecordingsOfOneVisitAtOncePostItsCashOnce() throws Exception {
		long plan = plan("admin", "并发走访测试", ROOT, "20000", standard("MODEL_WORKER", "CASH", "1000", null));
		List<Long> people = unionMembers("市财政局", 5);
		bearer("admin");
		bearer("orgadmin1");
		for (long person : people) {
			long recipient = added("orgadmin1", plan, person, "MODEL_WORKER");
			List<Integer> statuses = atOnce(List.of(
					() -> visit("admin", recipient, "").getResponse().getStatus(),
					() -> visit("orgadmin1", recipient, "").getResponse().getStatus(),
					() -> visit("orgadmin1", recipient, ",\"amount\":\"999\"").getResponse().getStatus()));
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(2);
			assertThat(entriesOf(recipient)).hasSize(1);
			assertThat(jdbc.sql("select count(*) from care_visit where recipient_id = :r").param("r", recipient)
				.query(Integer.class).single()).isEqualTo(1);
			long txn = entriesOf(recipient).get(0);
			assertThat(jdbc.sql("select txn_id from care_visit where recipient_id = :r").param("r", recipient)
				.query(Long.class).single()).isEqualTo(txn);
			assertThat(line(txn, "RIGHTS")).isEqualByComparingTo(jdbc.sql(
					"select amount from care_visit where recipient_id = :r").param("r", recipient).query(BigDecimal.class)
				.single());
		}
	}

	@Test
	void additionsAtOnceNeverPassTheBudget() throws Exception {
		long plan = plan("admin", "并发预算测试", ROOT, "1500", standard("SICK", "CASH", "500", null));
		List<Long> people = unionMembers("市财政局", 6);
		bearer("admin");
		bearer("orgadmin1");
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			long person = people.get(i);
			String who = i % 2 == 0 ? "admin" : "orgadmin1";
			calls.add(() -> add(who, plan, person, "SICK").getResponse().getStatus());
		}
		List<Integer> statuses = atOnce(calls);
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
		assertThat(statuses).filteredOn(s -> s == 422).hasSize(3);
		assertThat(count("select count(*) from care_visit_recipient where plan_id = :p", plan)).isEqualTo(3);
	}
}
