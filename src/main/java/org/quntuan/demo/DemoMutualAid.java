package org.quntuan.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.quntuan.finance.Journal;
import org.quntuan.platform.Zones;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This year's medical mutual-aid plan (在职职工医疗互助保障计划): a target of 7,000 split among the organs by
 * their union members (largest remainder), enrolment open until a few weeks from now, and the organs in
 * every state: all union members enrolled (全员参加), at target, close to it, far below (reminded), and
 * none yet. Two organs that reached their target have paid, posted to their union's book. Runs after
 * the finance demo (which fills an empty journal only).
 */
@Component
@Profile("demo")
@Order(75)
class DemoMutualAid implements ApplicationRunner {

	private static final int TARGET = 7000;

	private static final BigDecimal PRICE = new BigDecimal("60.00");

	private record Organ(long id, String name, long members, Long union) {
	}

	private final JdbcClient jdbc;

	private final Journal journal;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoMutualAid(JdbcClient jdbc, Journal journal, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.journal = journal;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from care_mutualaid_plan").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'admin'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		int year = today.getYear();
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate closes = today.plusDays(25).isAfter(end) ? end : today.plusDays(25);
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		String title = year + "年度在职职工医疗互助保障计划";
		jdbc.sql("""
				insert into care_mutualaid_plan (plan_year, title, starts_on, ends_on, price_per_person, enrol_opens_on,
				  enrol_closes_on, target, remind_below_percent, created_by_account_id, created_at)
				values (:y, :t, :s, :e, :price, :opens, :closes, :target, 80, :a, :now)""")
			.param("y", year).param("t", title).param("s", LocalDate.of(year, 1, 1)).param("e", end).param("price", PRICE)
			.param("opens", today.minusDays(40)).param("closes", closes).param("target", TARGET).param("a", admin)
			.param("now", now.minusDays(41))
			.update();
		long plan = jdbc.sql("select id from care_mutualaid_plan where plan_year = :y").param("y", year)
			.query(Long.class).single();
		List<Organ> organs = jdbc.sql("""
				select o.id, o.name,
				  (select count(*) from person p where p.organ_id = o.id and p.active = true and p.union_status = 'MEMBER') as members,
				  (select min(u.id) from org u where u.parent_id = o.id and u.type = 'UNION' and u.active = true) as union_id
				from org o where o.type = 'ORGAN' and o.active = true order by o.path""")
			.query((rs, i) -> new Organ(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class)))
			.list();
		long[] targets = split(organs);
		for (int i = 0; i < organs.size(); i++) {
			Organ o = organs.get(i);
			jdbc.sql("insert into care_mutualaid_target (plan_id, organ_id, target) values (:p, :o, :t)")
				.param("p", plan).param("o", o.id()).param("t", targets[i]).update();
			long wanted = switch (i % 6) {
				case 0 -> o.members();
				case 1 -> targets[i];
				case 2 -> targets[i] * 9 / 10;
				case 3 -> targets[i] * 6 / 10;
				case 4 -> targets[i] * 3 / 10;
				default -> 0;
			};
			if (wanted > 0) {
				jdbc.sql("""
						insert into care_mutualaid_enrolment (plan_id, person_id, organ_id, source, enrolled_by_account_id, enrolled_at)
						select :plan, p.id, p.organ_id, 'LIST', :a, :at from person p
						where p.organ_id = :o and p.active = true and p.employment_status = 'IN_SERVICE'
						order by case when p.union_status = 'MEMBER' then 0 else 1 end, p.id
						fetch first :n rows only""")
					.param("plan", plan).param("a", admin).param("at", now.minusDays(30 - i % 20)).param("o", o.id())
					.param("n", wanted).update();
			}
			if (i % 6 == 1 && i < 14 && o.union() != null) {
				pay(plan, title, o, now, today, admin);
			}
		}
	}

	/** The largest-remainder split of the target by union members, as the plan's own split does it. */
	private static long[] split(List<Organ> organs) {
		long total = organs.stream().mapToLong(Organ::members).sum();
		long[] targets = new long[organs.size()];
		List<long[]> remainders = new ArrayList<>();
		long given = 0;
		for (int i = 0; i < organs.size(); i++) {
			long w = total == 0 ? 1 : organs.get(i).members();
			long all = total == 0 ? organs.size() : total;
			targets[i] = TARGET * w / all;
			given += targets[i];
			remainders.add(new long[] { TARGET * w % all, w, i });
		}
		remainders.sort(Comparator.<long[]>comparingLong(r -> -r[0]).thenComparingLong(r -> -r[1]).thenComparingLong(r -> r[2]));
		for (int k = 0; k < TARGET - given; k++) {
			targets[(int) remainders.get(k)[2]]++;
		}
		return targets;
	}

	private void pay(long plan, String title, Organ o, OffsetDateTime now, LocalDate today, long admin) {
		int persons = jdbc.sql("select count(*) from care_mutualaid_enrolment where plan_id = :p and organ_id = :o")
			.param("p", plan).param("o", o.id()).query(Integer.class).single();
		if (persons == 0) {
			return;
		}
		BigDecimal amount = PRICE.multiply(BigDecimal.valueOf(persons));
		jdbc.sql("""
				insert into care_mutualaid_payment (plan_id, organ_id, union_org_id, persons, amount, paid_on, txn_id,
				  recorded_by_account_id, recorded_at)
				values (:p, :o, :u, :n, :amount, :d, 0, :a, :now)""")
			.param("p", plan).param("o", o.id()).param("u", o.union()).param("n", persons).param("amount", amount)
			.param("d", today).param("a", admin).param("now", now).update();
		long payment = jdbc.sql("select max(id) from care_mutualaid_payment where plan_id = :p and organ_id = :o")
			.param("p", plan).param("o", o.id()).query(Long.class).single();
		Journal.Posted posted = journal.post(new Journal.Posting(o.union(), today, "RIGHTS", "市直机关工委（医疗互助）",
				title + "医疗互助费（" + persons + " 人 × 60 元）", "CARE_MUTUALAID_PAYMENT", payment, "PAY", null,
				List.of(new Journal.Line(Journal.BANK, amount.negate()), new Journal.Line("RIGHTS", amount))));
		jdbc.sql("update care_mutualaid_payment set txn_id = :t where id = :id").param("t", posted.txnId())
			.param("id", payment).update();
		jdbc.sql("update care_mutualaid_target set paid_count = :n where plan_id = :p and organ_id = :o")
			.param("n", persons).param("p", plan).param("o", o.id()).update();
	}
}
