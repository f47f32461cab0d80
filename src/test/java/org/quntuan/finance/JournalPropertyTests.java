package org.quntuan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.quntuan.approval.ApprovalManagement;
import org.quntuan.approval.ApprovalRef;
import org.quntuan.approval.ApprovalStatus;
import org.quntuan.approval.Decision;
import org.quntuan.finance.expenses.ExpenseViews;
import org.quntuan.finance.expenses.Expenses;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Thousands of random postings, repeated postings, multi-line postings, postings into a closed
 * year, reversals (of fresh entries, of entries in the closed year, twice, of a reversal) against
 * a model of what must be in the books. The seed is fixed and printed; set -Djournal.seed=… to
 * replay a failure. After the run: every transaction sums to zero, every reversal nets its
 * original to zero, the monthly sums equal the lines they derive from, and no line written during
 * the run differs from what was posted.
 */
class JournalPropertyTests extends IntegrationTest {

	private static final int STEPS = 2_000;

	@Autowired
	Journal journal;

	record Expected(long txnId, long orgId, Map<String, BigDecimal> lines) {
	}

	@Test
	void randomSequencesOfPostingsAndReversalsKeepEveryInvariant() {
		long seed = Long.getLong("journal.seed", 20261127L);
		System.out.println("JournalPropertyTests seed = " + seed);
		Random random = new Random(seed);
		List<Long> books = List.of(orgId("第八片组"), jdbc.sql("select id from org where type = 'COMMITTEE'").query(Long.class).single(),
				jdbc.sql("select min(id) from org where type = 'UNION' and path like (select path from org where name = '第七片组') || '%'")
					.query(Long.class).single());
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		books.forEach(b -> assertThat(journal.isClosed(b, year - 1)).as("demo data closes last year").isTrue());
		String sourceType = "PROP" + (seed % 100_000);
		Map<Long, Expected> posted = new HashMap<>();
		List<Long> reversible = new ArrayList<>();
		Map<Long, Long> reversedBy = new HashMap<>();
		long nextSource = 0;
		int refusedClosed = 0;
		int repeats = 0;
		for (int step = 0; step < STEPS; step++) {
			long book = books.get(random.nextInt(books.size()));
			int roll = random.nextInt(100);
			if (roll < 45 || posted.isEmpty()) {
				boolean lastYear = random.nextInt(10) == 0;
				LocalDate date = LocalDate.of(lastYear ? year - 1 : year, 1 + random.nextInt(12), 1 + random.nextInt(28));
				List<Journal.Line> lines = randomLines(random);
				long source = ++nextSource;
				Journal.Posting p = new Journal.Posting(book, date, null, "对方", "随机凭证 " + source, sourceType, source,
						"POST", null, lines);
				long before = txnCount();
				if (lastYear) {
					assertThatThrownBy(() -> journal.post(p)).isInstanceOf(BusinessRuleException.class)
						.hasMessageContaining("已结账");
					assertThat(txnCount()).isEqualTo(before);
					refusedClosed++;
					continue;
				}
				Journal.Posted result = journal.post(p);
				assertThat(result.created()).isTrue();
				posted.put(result.txnId(), new Expected(result.txnId(), book, sum(lines)));
				reversible.add(result.txnId());
				if (random.nextInt(5) == 0) {
					// the same document again: a retry, a double click, another node
					Journal.Posted again = journal.post(p);
					assertThat(again).isEqualTo(new Journal.Posted(result.txnId(), false));
					assertThat(txnCount()).isEqualTo(before + 1);
					repeats++;
				}
			}
			else if (roll < 80 && !reversible.isEmpty()) {
				long target = reversible.remove(random.nextInt(reversible.size()));
				long reversal = journal.reverse(target, "随机冲销", null);
				Expected original = posted.get(target);
				Map<String, BigDecimal> negated = new HashMap<>();
				original.lines().forEach((k, v) -> negated.put(k, v.negate()));
				posted.put(reversal, new Expected(reversal, original.orgId(), negated));
				reversedBy.put(target, reversal);
				if (random.nextBoolean()) {
					assertThatThrownBy(() -> journal.reverse(target, "再次冲销", null)).isInstanceOf(ConflictException.class);
					assertThatThrownBy(() -> journal.reverse(reversal, "冲销冲销凭证", null))
						.isInstanceOf(BusinessRuleException.class);
				}
			}
			else {
				// an entry of the closed year (demo data): its reversal is dated today
				Long old = jdbc.sql("""
						select t.id from fin_txn t where t.org_id = :o and t.txn_date < :d and t.source_type = 'DEMO'
						and t.reverses_txn_id is null and not exists (select 1 from fin_txn r where r.reverses_txn_id = t.id)
						order by t.id fetch first 1 rows only""")
					.param("o", book).param("d", LocalDate.of(year, 1, 1)).query(Long.class).optional().orElse(null);
				if (old == null) {
					continue;
				}
				long reversal = journal.reverse(old, "上年差错更正", null);
				LocalDate date = jdbc.sql("select txn_date from fin_txn where id = :id").param("id", reversal)
					.query(LocalDate.class).single();
				assertThat(date.getYear()).isEqualTo(year);
				reversedBy.put(old, reversal);
			}
			if (step % 500 == 499) {
				checkInvariants(posted, reversedBy);
			}
		}
		checkInvariants(posted, reversedBy);
		assertThat(refusedClosed).isPositive();
		assertThat(repeats).isPositive();
		assertThat(reversedBy).hasSizeGreaterThan(100);
	}

	@Autowired
	Expenses expenses;

	@Autowired
	ApprovalManagement approvals;

	/**
	 * Random expenses of 市财政局工会 filed by its finance officer, some above the second-approval
	 * threshold, each approved or rejected at a random step: exactly the approved ones are posted,
	 * once, for their amount, and the books keep every invariant.
	 */
	@Test
	void randomExpensesApprovedOrRejectedPostExactlyTheApprovedOnes() throws Exception {
		long seed = Long.getLong("journal.seed", 20261127L) + 1;
		System.out.println("JournalPropertyTests expenses seed = " + seed);
		Random random = new Random(seed);
		long union = orgId("市财政局工会");
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		String[] categories = { "职工活动支出", "业务支出", "维权支出", "OTHER_OUT" };
		Map<Long, Expected> posted = new HashMap<>();
		int approved = 0;
		int rejected = 0;
		for (int i = 0; i < 150; i++) {
			String amount = BigDecimal.valueOf(1 + random.nextInt(800_000), 2).toPlainString();
			String category = categories[random.nextInt(categories.length)];
			String purpose = "随机支出 " + i;
			var view = as("finance1", () -> expenses.file(new ExpenseViews.Input(union, category, amount, purpose,
					LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)), null), List.of()));
			boolean approve = random.nextInt(3) > 0;
			// a rejection at the first step, or (when there is a second step) sometimes at the second
			boolean rejectFirst = !approve && random.nextBoolean();
			ApprovalRef ref = as("orgadmin1", () -> approvals.decide(view.approvalId(),
					rejectFirst ? Decision.REJECT : Decision.APPROVE, "随机审批"));
			if (ref.status() == ApprovalStatus.IN_PROGRESS) {
				ref = as("group1", () -> approvals.decide(view.approvalId(),
						approve ? Decision.APPROVE : Decision.REJECT, "随机复核"));
			}
			List<Long> txns = jdbc.sql("select id from fin_txn where source_type = 'EXPENSE' and source_id = :s")
				.param("s", view.id()).query(Long.class).list();
			if (ref.status() == ApprovalStatus.APPROVED) {
				approved++;
				assertThat(txns).as("expense %d approved", view.id()).hasSize(1);
				Category c = categoriesOf(category);
				BigDecimal value = new BigDecimal(amount).setScale(2);
				posted.put(txns.get(0), new Expected(txns.get(0), union, Map.of("BANK", value.negate(), c.code(), value)));
			}
			else {
				rejected++;
				assertThat(ref.status()).isEqualTo(ApprovalStatus.REJECTED);
				assertThat(txns).as("expense %d rejected", view.id()).isEmpty();
			}
		}
		checkInvariants(posted, Map.of());
		assertThat(approved).isPositive();
		assertThat(rejected).isPositive();
	}

	@Autowired
	Categories categoryTable;

	private Category categoriesOf(String codeOrName) {
		return categoryTable.find(codeOrName).orElseThrow();
	}

	private static List<Journal.Line> randomLines(Random random) {
		String[] accounts = { "BANK", "DUES", "ACTIVITY", "OPERATIONS", "ALLOCATION", "OTHER_OUT" };
		int n = 2 + random.nextInt(3);
		List<Journal.Line> lines = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < n - 1; i++) {
			BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(5_000_000), 2);
			if (random.nextBoolean()) {
				amount = amount.negate();
			}
			lines.add(new Journal.Line(accounts[random.nextInt(accounts.length)], amount));
			total = total.add(amount);
		}
		if (total.signum() == 0) {
			lines.add(new Journal.Line("BANK", new BigDecimal("1.00")));
			total = total.add(new BigDecimal("1.00"));
		}
		lines.add(new Journal.Line("BANK", total.negate()));
		return lines;
	}

	private static Map<String, BigDecimal> sum(List<Journal.Line> lines) {
		Map<String, BigDecimal> sums = new HashMap<>();
		lines.forEach(l -> sums.merge(l.account(), l.amount(), BigDecimal::add));
		return sums;
	}

	private long txnCount() {
		return jdbc.sql("select count(*) from fin_txn").query(Long.class).single();
	}

	private void checkInvariants(Map<Long, Expected> posted, Map<Long, Long> reversedBy) {
		assertThat(jdbc.sql("select count(*) from (select txn_id from fin_line group by txn_id having sum(amount) <> 0) x")
			.query(Long.class).single()).as("transactions that do not sum to zero").isZero();
		assertThat(jdbc.sql("select count(*) from fin_txn t where (select count(*) from fin_line l where l.txn_id = t.id) < 2")
			.query(Long.class).single()).as("transactions with fewer than two lines").isZero();
		Map<String, BigDecimal> derived = new HashMap<>();
		jdbc.sql("""
				select t.org_id, extract(year from t.txn_date) y, extract(month from t.txn_date) m, l.account, sum(l.amount) s
				from fin_line l join fin_txn t on t.id = l.txn_id
				group by t.org_id, extract(year from t.txn_date), extract(month from t.txn_date), l.account""")
			.query(rs -> {
				derived.put(rs.getLong(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3) + "/" + rs.getString(4),
						rs.getBigDecimal(5).setScale(2));
			});
		Map<String, BigDecimal> kept = new HashMap<>();
		jdbc.sql("select org_id, fiscal_year, fiscal_month, account, amount from fin_month_sum").query(rs -> {
			kept.put(rs.getLong(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3) + "/" + rs.getString(4),
					rs.getBigDecimal(5).setScale(2));
		});
		assertThat(kept).as("monthly sums against the lines they derive from").isEqualTo(derived);
		reversedBy.forEach((original, reversal) -> assertThat(jdbc.sql("""
				select count(*) from (select account, sum(amount) s from fin_line where txn_id in (:a, :b)
				group by account having sum(amount) <> 0) x""").param("a", original).param("b", reversal)
			.query(Long.class).single()).as("reversal %d of %d nets to zero", reversal, original).isZero());
		for (Expected e : posted.values()) {
			Map<String, BigDecimal> actual = new HashMap<>();
			jdbc.sql("select account, amount from fin_line where txn_id = :t").param("t", e.txnId())
				.query(rs -> {
					actual.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
				});
			assertThat(normalise(actual)).as("lines of %d", e.txnId()).isEqualTo(normalise(e.lines()));
			assertThat(jdbc.sql("select org_id from fin_txn where id = :t").param("t", e.txnId()).query(Long.class)
				.single()).isEqualTo(e.orgId());
		}
	}

	private static Map<String, BigDecimal> normalise(Map<String, BigDecimal> sums) {
		Map<String, BigDecimal> result = new HashMap<>();
		sums.forEach((k, v) -> {
			if (v.signum() != 0) {
				result.put(k, v.setScale(2));
			}
		});
		return result;
	}
}
