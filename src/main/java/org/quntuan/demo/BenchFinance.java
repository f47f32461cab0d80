package org.quntuan.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's books (PostgreSQL only, set-based): {@code quntuan.bench.journal-entries}
 * (2,000,000) transactions of two lines each spread over every book and the last two years, the
 * monthly sums rebuilt from all lines; and one union of 2,000 members (the people of other organs
 * of 第一片组 moved into its second organ, all union members with a recorded base pay) whose
 * finance officer is {@code finance1}, for the dues sheet scenario.
 */
@Component
@Profile("bench")
@Order(95)
class BenchFinance implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BenchFinance.class);

	static final String BIG_UNION_MARK = "（基准测试大工会）";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final int entries;

	BenchFinance(JdbcClient jdbc, Clock clock, TransactionTemplate tx,
			@Value("${quntuan.bench.journal-entries:2000000}") int entries) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
		this.entries = entries;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from fin_txn where source_type = 'BENCH'").query(Long.class).single() > 0) {
			return;
		}
		long started = System.nanoTime();
		tx.executeWithoutResult(s -> {
			journal();
			bigUnion();
		});
		log.info("演示数据：基准测试凭证 {} 张（每张两条分录），2000 人工会 1 个，用时 {} 毫秒", entries,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void journal() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		LocalDate from = LocalDate.of(today.getYear() - 1, 1, 1);
		int days = (int) (today.toEpochDay() - from.toEpochDay());
		jdbc.sql("""
				create temporary table bench_books on commit drop as
				select row_number() over (order by id) as n, id as org_id from org
				where active and type in ('UNION', 'GROUP', 'COMMITTEE')""").update();
		jdbc.sql("""
				create temporary table bench_categories on commit drop as
				select row_number() over (order by sort_order) as n, code, kind from fin_category where active""").update();
		long books = jdbc.sql("select count(*) from bench_books").query(Long.class).single();
		long categories = jdbc.sql("select count(*) from bench_categories").query(Long.class).single();
		jdbc.sql("analyze bench_books").update();
		jdbc.sql("analyze bench_categories").update();
		jdbc.sql("""
				insert into fin_txn (org_id, txn_date, category_code, counterparty, memo, source_type, source_id,
				  source_action, recorded_at)
				select b.org_id, cast(:from as date) + cast((g * 7919) % :days as integer), c.code, '基准测试单位',
				  '基准测试凭证', 'BENCH', g, 'POST', now()
				from generate_series(cast(1 as bigint), :entries) g
				join bench_books b on b.n = 1 + g % :books
				join bench_categories c on c.n = 1 + (g / :books) % :categories""")
			.param("from", from).param("days", days).param("entries", entries).param("books", books)
			.param("categories", categories).update();
		// amounts from 1.00 to 5,000.99 yuan, income to the bank, expense from it
		jdbc.sql("""
				insert into fin_line (txn_id, account, amount)
				select t.id, x.account, case when x.bank = (c.kind = 'INCOME') then a.amount else -a.amount end
				from fin_txn t
				join fin_category c on c.code = t.category_code
				cross join lateral (select cast(((t.source_id * 37) % 500000 + 100) as numeric) / 100 as amount) a
				cross join lateral (values ('BANK', true), (t.category_code, false)) x(account, bank)
				where t.source_type = 'BENCH'""").update();
		jdbc.sql("delete from fin_month_sum").update();
		jdbc.sql("""
				insert into fin_month_sum (org_id, fiscal_year, fiscal_month, account, amount, line_count)
				select t.org_id, extract(year from t.txn_date), extract(month from t.txn_date), l.account, sum(l.amount), count(*)
				from fin_line l join fin_txn t on t.id = l.txn_id
				group by t.org_id, extract(year from t.txn_date), extract(month from t.txn_date), l.account""").update();
	}

	private void bigUnion() {
		long organ = jdbc.sql("""
				select o.id from org o join org g on g.id = o.parent_id
				where o.type = 'ORGAN' and g.type = 'GROUP' and g.path = (select min(path) from org where type = 'GROUP')
				order by o.path offset 1 limit 1""").query(Long.class).single();
		String groupPath = jdbc.sql("select p.path from org o join org p on p.id = o.parent_id where o.id = :o")
			.param("o", organ).query(String.class).single();
		long union = jdbc.sql("select id from org where parent_id = :o and type = 'UNION'").param("o", organ)
			.query(Long.class).single();
		jdbc.sql("update org set name = name || :mark where id = :u").param("mark", BIG_UNION_MARK).param("u", union)
			.update();
		long present = jdbc.sql("select count(*) from person where organ_id = :o and active").param("o", organ)
			.query(Long.class).single();
		jdbc.sql("""
				update person set organ_id = :o where id in (
				  select p.id from person p join org x on x.id = p.organ_id
				  where p.active and p.organ_id <> :o and x.path like :g
				    and not exists (select 1 from account a where a.person_id = p.id and a.username !~ '^[0-9]+$')
				  order by p.id desc limit :n)""")
			.param("o", organ).param("g", groupPath + "%").param("n", Math.max(0, 2000 - present)).update();
		jdbc.sql("update person set union_status = 'MEMBER' where organ_id = :o and active").param("o", organ).update();
		jdbc.sql("""
				insert into fin_pay (person_id, monthly_base, updated_at)
				select p.id, 5000 + (p.id * 131) % 9000 + cast((p.id * 7) % 100 as numeric) / 100, now()
				from person p where p.organ_id = :o and p.active
				and not exists (select 1 from fin_pay f where f.person_id = p.id)""").param("o", organ).update();
		jdbc.sql("""
				insert into role_binding (account_id, role, org_id, created_at)
				select a.id, 'FINANCE_OFFICER', :u, now() from account a where a.username = 'finance1'""")
			.param("u", union).update();
	}
}
