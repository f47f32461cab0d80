package org.quntuan.finance.audits;

import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The federation admin and the auditor press the same button at the same moment: one of them wins,
 * the other gets a clear conflict, and nothing is done twice. On PostgreSQL, where row locks are real.
 */
@Tag("postgres-only")
class FinanceAuditConcurrencyTests extends IntegrationTest {

	static final int YEAR = 2010;

	@Autowired
	FundsAuditPlanning planning;

	@Autowired
	FundsAudits audits;

	@Autowired
	FundsAuditFindings findings;

	@RepeatedTest(5)
	void twoStartsAtOnceLayOutOneChecklistAndTwoVerdictsAtOnceRecordOne(RepetitionInfo repetition) throws Exception {
		List<Long> unions = jdbc.sql("select id from org where type = 'UNION' and active = true order by id")
			.query(Long.class).list();
		long union = unions.get(repetition.getCurrentRepetition());
		long audit = as("auditor1", () -> planning.plan(YEAR, List.of(union)).created().get(0).auditId());

		List<String> starts = race(() -> {
			audits.start(audit);
			return "started";
		});
		assertThat(starts).containsOnlyOnce("started").anyMatch(o -> o.startsWith("409:"));
		assertThat(jdbc.sql("select count(*) from fin_audit_check where audit_id = :a").param("a", audit).query(Long.class)
			.single()).isEqualTo(7);

		String deadline = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(7).toString();
		long finding = as("auditor1", () -> findings.raise(audit,
				new FundsAuditFindings.FindingInput("一般", "并发测试", "并发测试", deadline, List.of())));
		String path = jdbc.sql("select path from org where id = :o").param("o", union).query(String.class).single();
		String keeper = jdbc.sql("""
				select a.username from account a join role_binding b on b.account_id = a.id join org o on o.id = b.org_id
				where b.role in ('ORG_ADMIN', 'FINANCE_OFFICER') and a.enabled = true and :path like o.path || '%'
				order by o.depth desc, a.id""")
			.param("path", path).query(String.class).list().stream().findFirst().orElseThrow();
		as(keeper, () -> {
			findings.respond(finding, "已整改", null);
			return null;
		});
		List<String> verdicts = race(() -> {
			findings.decide(finding, true, "通过");
			return "decided";
		});
		assertThat(verdicts).containsOnlyOnce("decided").anyMatch(o -> o.startsWith("409:"));
		assertThat(jdbc.sql("select count(*) from fin_finding_step where finding_id = :f and action = 'ACCEPTED'")
			.param("f", finding).query(Long.class).single()).isEqualTo(1);
	}

	/** The same work as auditor1 and as admin, released at once; "409:…" for the one refused. */
	private List<String> race(Callable<String> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (String user : List.of("auditor1", "admin")) {
			results.add(pool.submit(() -> {
				go.await();
				try {
					return as(user, work);
				}
				catch (ConflictException ex) {
					return "409:" + ex.getMessage();
				}
			}));
		}
		go.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> f : results) {
			outcomes.add(f.get());
		}
		pool.shutdown();
		return outcomes;
	}
}
