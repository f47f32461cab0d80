package org.quntuan.care.hardship;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.quntuan.approval.ApprovalManagement;
import org.quntuan.approval.Decision;
import org.quntuan.care.hardship.HardshipFixtures.Member;
import org.quntuan.platform.BusinessRuleException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two applications of one person, each within the cap but not together, approved by the federation at the
 * same moment: one is paid, the other refused, and the cap holds. On PostgreSQL, where the locks are real.
 */
@Tag("postgres-only")
class SubsidyConcurrencyTests extends HardshipTestSupport {

	@Autowired
	ApprovalManagement approvals;

	@RepeatedTest(3)
	void twoFinalApprovalsAtOnceNeverPayOverTheCap() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "GENERAL");
		JsonNode first = applied(m.username(), "2000");
		JsonNode second = applied(m.username(), "1800");
		for (JsonNode a : List.of(first, second)) {
			expectStatus(decide("orgadmin1", a.get("approvalId").asLong(), "APPROVE", null), 200);
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (JsonNode a : List.of(first, second)) {
			long approval = a.get("approvalId").asLong();
			results.add(pool.submit(() -> {
				start.await();
				try {
					return as("admin", () -> approvals.decide(approval, Decision.APPROVE, null)).status().name();
				}
				catch (BusinessRuleException ex) {
					return "422:" + ex.getMessage();
				}
			}));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> f : results) {
			outcomes.add(f.get());
		}
		pool.shutdown();
		assertThat(outcomes).filteredOn("APPROVED"::equals).hasSize(1);
		assertThat(outcomes).filteredOn(o -> o.startsWith("422:超过年度补助上限")).hasSize(1);
		assertThat(paid(m.id())).isLessThanOrEqualTo(new BigDecimal("3000"));
		assertThat(postings(first.get("id").asLong()) + postings(second.get("id").asLong())).isEqualTo(1);
	}
}
