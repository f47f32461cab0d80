package org.quntuan.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * A year of plausible books for every union, 片组 and the federation: the opening balance twelve
 * months ago, monthly dues (except 市财政局工会 this year: its dues come from real dues sheets, see
 * DemoDues), quarterly allocations, subsidies from above, and the spending of a union (activities
 * around the festivals, sports, care, training). Last year is closed. Budgets for this year, a few
 * lines tight enough to warn. Written set-based (the journal's monthly sums are derived from the
 * inserted lines at the end) so that even the benchmark's 400 unions take seconds.
 */
@Component
@Profile("demo")
@Order(70)
class DemoFinance implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoFinance.class);

	static final String OWN_DUES_UNION = "市财政局工会";

	private record Book(long id, String type, String name, int members) {
	}

	private record Txn(long orgId, LocalDate date, String category, String counterparty, String memo, BigDecimal amount,
			boolean income) {
	}

	private static final String[][] SPENDING = {
			{ "ACTIVITY", "春节慰问品采购", "1" }, { "ACTIVITY", "三八节女职工活动", "3" }, { "ACTIVITY", "职工篮球赛场地费", "4" },
			{ "ACTIVITY", "端午节慰问品", "6" }, { "ACTIVITY", "职工健步走活动", "5" }, { "ACTIVITY", "中秋节慰问品", "9" },
			{ "ACTIVITY", "职工书屋图书购置", "7" }, { "ACTIVITY", "秋季趣味运动会", "10" }, { "RIGHTS", "职工法律知识讲座", "8" },
			{ "RIGHTS", "困难职工帮扶", "11" }, { "OPERATIONS", "工会干部培训", "4" }, { "OPERATIONS", "工会会议费", "7" },
			{ "OPERATIONS", "宣传资料印制", "2" }, { "CAPITAL", "职工之家健身器材", "8" }, { "OTHER_OUT", "银行手续费", "12" },
			{ "ACTIVITY", "职工生日慰问", "0" } };

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final long seed;

	DemoFinance(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock, TransactionTemplate tx,
			@Value("${quntuan.demo.seed:20261127}") long seed) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
		this.tx = tx;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from fin_txn").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from person").query(Long.class).single() == 0) {
			return;
		}
		long started = System.nanoTime();
		int[] counts = tx.execute(status -> seed());
		log.info("演示数据：账簿 {} 个，凭证 {} 张，用时 {} 毫秒", counts[0], counts[1],
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private int[] seed() {
		Random random = new Random(seed + 70);
		LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.BUSINESS);
		LocalDate start = today.minusMonths(12).withDayOfMonth(1);
		OffsetDateTime now = OffsetDateTime.now(clock);
		Map<Long, Integer> members = new HashMap<>();
		jdbc.sql("""
				select o.id, count(p.id) from org o join person p on p.organ_id = o.parent_id
				where o.type = 'UNION' and p.active = true and p.union_status = 'MEMBER' group by o.id""")
			.query((rs, i) -> members.put(rs.getLong(1), rs.getInt(2))).list();
		List<Book> books = jdbc.sql("""
				select id, type, name from org where active = true and type in ('UNION', 'GROUP', 'COMMITTEE') order by path""")
			.query((rs, i) -> new Book(rs.getLong(1), rs.getString(2), rs.getString(3),
					members.getOrDefault(rs.getLong(1), 0)))
			.list();
		List<Txn> txns = new ArrayList<>();
		List<Object[]> budgets = new ArrayList<>();
		for (Book book : books) {
			plan(book, start, today, random, txns, budgets);
		}
		jdbcTemplate.batchUpdate("insert into fin_book (org_id, opened_at) values (?, ?)",
				books.stream().map(b -> new Object[] { b.id(), now }).toList());
		List<Object[]> lines = new ArrayList<>();
		long sourceId = 0;
		for (Txn t : txns) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			String source = t.category().equals("NET_ASSETS") ? "OPENING" : "DEMO";
			jdbc.sql("""
					insert into fin_txn (org_id, txn_date, category_code, counterparty, memo, source_type, source_id,
					  source_action, recorded_at)
					values (:org, :date, :cat, :cp, :memo, :st, :si, 'POST', :now)""")
				.param("org", t.orgId()).param("date", t.date())
				.param("cat", source.equals("OPENING") ? null : t.category()).param("cp", t.counterparty())
				.param("memo", t.memo()).param("st", source).param("si", ++sourceId).param("now", now)
				.update(keys, "id");
			long id = keys.getKey().longValue();
			BigDecimal bank = t.income() ? t.amount() : t.amount().negate();
			lines.add(new Object[] { id, "BANK", bank });
			lines.add(new Object[] { id, t.category(), bank.negate() });
		}
		jdbcTemplate.batchUpdate("insert into fin_line (txn_id, account, amount) values (?, ?, ?)", lines);
		jdbc.sql("""
				insert into fin_month_sum (org_id, fiscal_year, fiscal_month, account, amount, line_count)
				select t.org_id, extract(year from t.txn_date), extract(month from t.txn_date), l.account, sum(l.amount), count(*)
				from fin_line l join fin_txn t on t.id = l.txn_id
				group by t.org_id, extract(year from t.txn_date), extract(month from t.txn_date), l.account""").update();
		jdbcTemplate.batchUpdate("""
				insert into fin_budget (org_id, fiscal_year, category_code, amount, updated_at) values (?, ?, ?, ?, ?)""",
				budgets.stream().map(b -> new Object[] { b[0], b[1], b[2], b[3], now }).toList());
		jdbcTemplate.batchUpdate("insert into fin_year_close (org_id, fiscal_year, closed_at) values (?, ?, ?)",
				books.stream().map(b -> new Object[] { b.id(), today.getYear() - 1, now }).toList());
		return new int[] { books.size(), txns.size() };
	}

	private void plan(Book book, LocalDate start, LocalDate today, Random random, List<Txn> txns, List<Object[]> budgets) {
		boolean union = book.type().equals("UNION");
		int size = union ? Math.max(book.members(), 5) : book.type().equals("GROUP") ? 400 : 3000;
		BigDecimal opening = yuan(size * (200 + random.nextInt(300)));
		txns.add(new Txn(book.id(), start, "NET_ASSETS", null, "期初余额结转", opening, true));
		Map<String, BigDecimal> spent = new HashMap<>();
		for (LocalDate month = start; !month.isAfter(today); month = month.plusMonths(1)) {
			LocalDate last = month.withDayOfMonth(month.lengthOfMonth());
			LocalDate dueDay = month.withDayOfMonth(Math.min(25, month.lengthOfMonth()));
			boolean ownDues = OWN_DUES_UNION.equals(book.name()) && month.getYear() == today.getYear();
			if (union && !ownDues && !dueDay.isAfter(today)) {
				BigDecimal dues = yuan(size * (38 + random.nextInt(12)));
				txns.add(new Txn(book.id(), dueDay, "DUES", "本会会员",
						month.getYear() + "年" + month.getMonthValue() + "月会费", dues, true));
			}
			if (month.getMonthValue() % 3 == 1 && !month.plusDays(14).isAfter(today)) {
				String from = union ? "市总工会" : "省总工会";
				txns.add(new Txn(book.id(), month.plusDays(14), "ALLOCATION", from,
						month.getYear() + "年第" + ((month.getMonthValue() + 2) / 3) + "季度拨缴经费返还",
						yuan(size * (60 + random.nextInt(40))), true));
			}
			if (!union && month.getMonthValue() == 3 && !month.plusDays(20).isAfter(today)) {
				txns.add(new Txn(book.id(), month.plusDays(20), "SUBSIDY_IN", "市总工会", month.getYear() + "年度上级补助",
						yuan(size * 50), true));
			}
			for (String[] s : SPENDING) {
				int when = Integer.parseInt(s[2]);
				boolean due = when == 0 ? random.nextInt(3) == 0 : month.getMonthValue() == when;
				LocalDate day = month.plusDays(random.nextInt(Math.max(1, last.getDayOfMonth() - 1)));
				if (!due || day.isAfter(today) || (!union && s[0].equals("RIGHTS"))) {
					continue;
				}
				BigDecimal amount = yuan(Math.max(200, size * (5 + random.nextInt(20))) + random.nextInt(99) / 100.0);
				txns.add(new Txn(book.id(), day, s[0], counterparty(s[1], random), s[1], amount, false));
				if (day.getYear() == today.getYear()) {
					spent.merge(s[0], amount, BigDecimal::add);
				}
			}
			if (!union && month.getMonthValue() == 6 && !month.plusDays(10).isAfter(today)) {
				txns.add(new Txn(book.id(), month.plusDays(10), "SUBSIDY_OUT", "所属基层工会", "补助下级工会开展活动",
						yuan(size * 20), false));
			}
		}
		for (String category : List.of("ACTIVITY", "RIGHTS", "OPERATIONS", "CAPITAL", "OTHER_OUT")) {
			BigDecimal base = spent.getOrDefault(category, BigDecimal.ZERO);
			if (base.signum() == 0 && random.nextBoolean()) {
				continue;
			}
			// most lines with room to spare, about one in six already tight or over
			double factor = random.nextInt(6) == 0 ? 0.95 + random.nextInt(15) / 100.0 : 1.2 + random.nextInt(60) / 100.0;
			BigDecimal budget = base.signum() == 0 ? yuan(size * 10)
					: base.multiply(BigDecimal.valueOf(factor)).setScale(-2, RoundingMode.HALF_UP).setScale(2);
			budgets.add(new Object[] { book.id(), today.getYear(), category, budget });
		}
	}

	private static String counterparty(String memo, Random random) {
		if (memo.contains("手续费")) {
			return "中国工商银行";
		}
		if (memo.contains("困难")) {
			return "困难职工";
		}
		String[] shops = { "市百货大楼", "惠民超市", "市体育中心", "新华书店", "市职工文化宫", "万家福商贸有限公司", "市工人疗养院" };
		return shops[random.nextInt(shops.length)];
	}

	private static BigDecimal yuan(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}
}
