package org.quntuan.finance;

import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** On PostgreSQL: the database itself refuses to change the journal, and concurrent postings of one document post once. */
@Tag("postgres-only")
class JournalAppendOnlyTests extends IntegrationTest {

	@Autowired
	Journal journal;

	@Autowired
	Categories categories;

	@Test
	void noStatementMayUpdateOrDeleteATransactionOrALine() {
		long txn = jdbc.sql("select min(id) from fin_txn").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("update fin_line set amount = amount + 1 where txn_id = :t").param("t", txn).update())
			.hasMessageContaining("账簿只能追加");
		assertThatThrownBy(() -> jdbc.sql("delete from fin_line where txn_id = :t").param("t", txn).update())
			.hasMessageContaining("账簿只能追加");
		assertThatThrownBy(() -> jdbc.sql("update fin_txn set memo = 'x' where id = :t").param("t", txn).update())
			.hasMessageContaining("账簿只能追加");
	}

	@Test
	void twentyConcurrentPostingsOfOneDocumentPostOnce() throws Exception {
		long union = orgId("市教育局工会");
		long source = System.nanoTime();
		Category dues = categories.find("DUES").orElseThrow();
		Journal.Posting p = Journal.simple(union, LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)), dues, new BigDecimal("2000.00"), "本会会员",
				"并发测试", "CONCURRENT", source, "POST", null);
		BigDecimal before = jdbc.sql("select coalesce(sum(amount), 0) from fin_month_sum where org_id = :o and account = 'DUES'")
			.param("o", union).query(BigDecimal.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Journal.Posted>> results = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return journal.post(p);
			}));
		}
		start.countDown();
		List<Journal.Posted> posted = new ArrayList<>();
		for (Future<Journal.Posted> f : results) {
			posted.add(f.get());
		}
		pool.shutdown();
		assertThat(posted.stream().map(Journal.Posted::txnId).distinct()).hasSize(1);
		assertThat(posted.stream().filter(Journal.Posted::created)).hasSize(1);
		assertThat(jdbc.sql("select count(*) from fin_txn where source_type = 'CONCURRENT' and source_id = :s").param("s", source)
			.query(Long.class).single()).isEqualTo(1);
		BigDecimal after = jdbc.sql("select coalesce(sum(amount), 0) from fin_month_sum where org_id = :o and account = 'DUES'")
			.param("o", union).query(BigDecimal.class).single();
		assertThat(before.subtract(after)).isEqualByComparingTo("2000.00");
	}
}
