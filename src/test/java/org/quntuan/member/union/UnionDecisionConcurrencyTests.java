package org.quntuan.member.union;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.quntuan.member.union.UnionFixtures.Person;
import org.quntuan.platform.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The union's admin and the work committee decide the same application at the same moment, one approving and
 * one rejecting: exactly one decision wins, the person has one number and one history row or none. On
 * PostgreSQL, where the row locks are real.
 */
@Tag("postgres-only")
class UnionDecisionConcurrencyTests extends UnionTestSupport {

	@Autowired
	UnionApplications applications;

	@RepeatedTest(3)
	void twoDecisionsAtOnceLeaveExactlyOneStanding() throws Exception {
		Person p = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		long id = applied(p);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		String[][] deciders = { { "orgadmin1", "true" }, { "admin", "false" }, { "group1", "true" }, { "admin", "true" } };
		for (String[] d : deciders) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					as(d[0], () -> {
						applications.decide(id, Boolean.valueOf(d[1]), "并发审核", null);
						return null;
					});
					return d[1].equals("true") ? "APPROVED" : "REJECTED";
				}
				catch (ConflictException ex) {
					return "409";
				}
			}));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> f : results) {
			outcomes.add(f.get());
		}
		pool.shutdown();
		assertThat(outcomes).filteredOn("409"::equals).hasSize(3);
		String winner = outcomes.stream().filter(o -> !o.equals("409")).findFirst().orElseThrow();
		assertThat(jdbc.sql("select state from member_union_application where id = :id").param("id", id).query(String.class)
			.single()).isEqualTo(winner);
		boolean admitted = winner.equals("APPROVED");
		assertThat(UnionFixtures.unionStatus(jdbc, p.id())).isEqualTo(admitted ? "MEMBER" : "NOT_MEMBER");
		assertThat(UnionFixtures.count(jdbc, "member_union_history", p.id())).isEqualTo(admitted ? 1 : 0);
		assertThat(UnionFixtures.count(jdbc, "member_union_membership", p.id())).isEqualTo(admitted ? 1 : 0);
	}
}
