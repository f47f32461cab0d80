package org.quntuan.volunteer;

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
import org.quntuan.volunteer.VolunteerFixtures.Member;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two admins verify the same claim at the same moment, one with other hours: exactly one check lands, the
 * other is a conflict, and the ledger holds one check and at most one adjusting entry. On PostgreSQL, where
 * the locks are real.
 */
@Tag("postgres-only")
class HoursConcurrencyTests extends VolunteerTestSupport {

	@Autowired
	HoursLedger ledger;

	@RepeatedTest(3)
	void twoVerificationsOfOneClaimAtOnceLetExactlyOneWin() throws Exception {
		Member m = volunteer("市财政局");
		long claim = claimed(m.username(), today(), "5");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (String user : List.of("orgadmin1", "group1")) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					as(user, () -> {
						ledger.verify(claim, user.equals("group1")
								? new VolunteerViews.Verification(true, "4", "按签到表认定")
								: new VolunteerViews.Verification(true, null, null));
						return null;
					});
					return "VERIFIED";
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
		assertThat(outcomes).containsExactlyInAnyOrder("VERIFIED", "409");
		assertThat(checks(m.id())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from volunteer_hours where adjusts_id = :c").param("c", claim)
			.query(Long.class).single()).isLessThanOrEqualTo(1);
		assertThat(verifiedInDb(m.id()).toPlainString()).isIn("5.0", "4.0");
		assertThat(body(getJson(m.username(), "/api/v1/volunteers/me/hours")).get("verifiedHours").asString())
			.isEqualTo(verifiedInDb(m.id()).toPlainString());
	}
}
