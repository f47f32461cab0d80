package org.quntuan.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.Journal;
import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Member dues: the base pay of the union members of 市财政局, 市教育局 and 市公安局, and for
 * 市财政局工会 a posted dues sheet for every past month of this year, a few members behind with
 * their dues. The sheets are posted through the {@link Journal}, so the books and their monthly
 * sums agree with them.
 */
@Component
@Profile("demo")
@Order(75)
class DemoDues implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDues.class);

	private static final List<String> ORGANS = List.of("市财政局", "市教育局", "市公安局");

	private static final BigDecimal RATE = new BigDecimal("0.0050");

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate tx;

	private final Journal journal;

	private final Categories categories;

	private final Clock clock;

	DemoDues(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Journal journal, Categories categories,
			Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tx = tx;
		this.journal = journal;
		this.categories = categories;
		this.clock = clock;
	}

	private record Member(long id, BigDecimal base) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from fin_pay").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'finance1'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(s -> seed());
	}

	private void seed() {
		Random random = new Random(20261130L);
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Member> finance = List.of();
		for (String organ : ORGANS) {
			List<Long> ids = jdbc.sql("""
					select p.id from person p join org o on o.id = p.organ_id
					where o.name = :organ and p.active = true and p.union_status = 'MEMBER' order by p.id""")
				.param("organ", organ).query(Long.class).list();
			List<Member> members = new ArrayList<>();
			for (long id : ids) {
				BigDecimal base = BigDecimal.valueOf(4000 + random.nextInt(1200) * 10L
						+ (random.nextInt(4) == 0 ? random.nextInt(100) / 100.0 : 0)).setScale(2, RoundingMode.HALF_UP);
				members.add(new Member(id, base));
			}
			batch.batchUpdate("insert into fin_pay (person_id, monthly_base, updated_at) values (?, ?, ?)",
					members.stream().map(m -> new Object[] { m.id(), m.base(), now.minusMonths(11) }).toList());
			if (organ.equals(ORGANS.get(0))) {
				finance = members;
			}
		}
		long union = jdbc.sql("""
				select u.id from org u join org o on o.id = u.parent_id
				where o.name = :organ and u.type = 'UNION' and u.active = true order by u.id""")
			.param("organ", ORGANS.get(0)).query(Long.class).list().get(0);
		Category dues = categories.find("DUES").orElseThrow();
		YearMonth current = YearMonth.from(LocalDate.now(clock.withZone(Zones.BUSINESS)));
		int sheets = 0;
		for (YearMonth month = YearMonth.of(current.getYear(), 1); month.isBefore(current); month = month.plusMonths(1)) {
			post(union, month, finance, dues, random);
			sheets++;
		}
		log.info("会费演示数据：{} 名会员的月工资基数，市财政局工会 {} 张已入账的会费收缴表",
				jdbc.sql("select count(*) from fin_pay").query(Long.class).single(), sheets);
	}

	/** One month's sheet, everybody paid but one in fifteen, posted on the month's last day. */
	private void post(long union, YearMonth month, List<Member> members, Category dues, Random random) {
		OffsetDateTime at = month.atEndOfMonth().atTime(17, 0).atOffset(ZoneOffset.ofHours(8));
		List<Object[]> lines = new ArrayList<>();
		BigDecimal totalDue = BigDecimal.ZERO;
		BigDecimal totalPaid = BigDecimal.ZERO;
		for (Member m : members) {
			BigDecimal due = m.base().multiply(RATE).setScale(2, RoundingMode.HALF_UP);
			BigDecimal paid = random.nextInt(15) == 0 ? BigDecimal.ZERO.setScale(2) : due;
			lines.add(new Object[] { null, m.id(), m.base(), due, paid });
			totalDue = totalDue.add(due);
			totalPaid = totalPaid.add(paid);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into fin_dues_sheet (org_id, fiscal_year, fiscal_month, rate, status, total_due, total_paid,
				  member_count, created_at, confirmed_at, posted_at)
				values (:o, :y, :m, :rate, 'POSTED', :due, :paid, :n, :created, :at, :at)""")
			.param("o", union).param("y", month.getYear()).param("m", month.getMonthValue()).param("rate", RATE)
			.param("due", totalDue).param("paid", totalPaid).param("n", members.size())
			.param("created", at.minusDays(5)).param("at", at).update(keys, "id");
		long sheet = keys.getKey().longValue();
		lines.forEach(l -> l[0] = sheet);
		batch.batchUpdate("insert into fin_dues_line (sheet_id, person_id, base_pay, amount_due, amount_paid)"
				+ " values (?, ?, ?, ?, ?)", lines);
		if (totalPaid.signum() > 0) {
			long txn = journal.post(Journal.simple(union, month.atEndOfMonth(), dues, totalPaid, "本会会员",
					month.getYear() + "年" + month.getMonthValue() + "月会费", "DUES", sheet, "POST", null)).txnId();
			jdbc.sql("update fin_dues_sheet set txn_id = :t where id = :id").param("t", txn).param("id", sheet).update();
		}
	}
}
