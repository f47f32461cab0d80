package org.quntuan.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.quntuan.platform.ConflictException;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.SecondAdmin;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two approvers of one step press their buttons at the same moment: exactly one decision is
 * recorded, the other gets a clear conflict. On PostgreSQL, where the row lock is real.
 */
@Tag("postgres-only")
class ConcurrentDecisionTests extends IntegrationTest {

	@Autowired
	ApprovalManagement approvals;

	@RepeatedTest(10)
	void twoApproversDecidingAtOnceRecordExactlyOneDecision() throws Exception {
		long org = orgId("第六片组");
		long second = SecondAdmin.create(jdbc, "group6b", org);
		try {
			String path = jdbc.sql("select path from org where id = :id").param("id", org).query(String.class).single();
			long subject = System.nanoTime();
			long id = as("orgadmin1", () -> approvals.request(new ApprovalRequest(TestFlows.ANY_HERE, subject, "并发审批",
					org, path))).id();
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (String[] who : new String[][] { { "group6", "APPROVE" }, { "group6b", "REJECT" } }) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						return as(who[0], () -> approvals.decide(id, Decision.valueOf(who[1]), "意见")).status().name();
					}
					catch (ConflictException ex) {
						return "409:" + ex.getMessage();
					}
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> f : results) {
				outcomes.add(f.get());
			}
			pool.shutdown();
			assertThat(outcomes.stream().filter(o -> o.startsWith("409:"))).hasSize(1);
			assertThat(outcomes).anyMatch(o -> o.equals("APPROVED") || o.equals("REJECTED"));
			assertThat(jdbc.sql("select count(*) from approval_assignee where approval_id = :a and decision is not null")
				.param("a", id).query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from approval_event where approval_id = :a and action in ('APPROVE', 'REJECT')")
				.param("a", id).query(Long.class).single()).isEqualTo(1);
		}
		finally {
			SecondAdmin.disable(jdbc, second);
		}
	}
}
