package org.quntuan.finance.expenses;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.quntuan.platform.ConflictException;
import org.quntuan.support.SecondAdmin;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two admins of the union approve the same expense at the same moment: one decision is recorded and
 * the expense is posted exactly once. On PostgreSQL, where the row locks are real.
 */
@Tag("postgres-only")
class FinanceExpenseConcurrencyTests extends ExpenseTestSupport {

	@Autowired
	ApprovalManagement approvals;

	@RepeatedTest(5)
	void twoApproversAtOncePostTheExpenseExactlyOnce() throws Exception {
		long second = SecondAdmin.create(jdbc, "finance-admin-b", union());
		try {
			JsonNode filed = file("finance1", "1280.50", "并发审批测试：职工书屋图书");
			long id = filed.get("id").asLong();
			long approval = filed.get("approvalId").asLong();
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (String who : new String[] { "orgadmin1", "finance-admin-b" }) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						return as(who, () -> approvals.decide(approval, Decision.APPROVE, "同意，票据另附纸质件")).status().name();
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
			assertThat(outcomes).containsExactlyInAnyOrder("APPROVED", "409:该事项当前状态为「已通过」，不能再次审批");
			assertThat(postingsOf("EXPENSE", id)).isEqualTo(1);
			JsonNode approved = expense("finance1", id);
			assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
			assertThat(lineSum(approved.get("txnId").asLong())).isEqualByComparingTo("0");
		}
		finally {
			jdbc.sql("delete from role_binding where account_id = :a").param("a", second).update();
			jdbc.sql("update account set enabled = false where id = :a").param("a", second).update();
		}
	}

}
