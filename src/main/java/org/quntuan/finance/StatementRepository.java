package org.quntuan.finance;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statement's reads: the monthly sums the journal keeps (fin_month_sum), the books (fin_book)
 * and the budgets (fin_budget), of one book (params o) or of every book under a path (params p, a
 * path followed by %); y is the year, f..t the months. All of them may go to the read-only standby
 * ({@link ReadsJdbc}): a statement is a report of what was booked, never read to decide a write.
 */
@Repository
class StatementRepository {

	private final JdbcClient jdbc;

	StatementRepository(ReadsJdbc reads) {
		this.jdbc = reads.client();
	}

	/** The months' sum of every account. */
	Map<String, BigDecimal> sums(boolean whole, Map<String, Object> params) {
		String books = whole ? "s.org_id in (select id from org where path like :p)" : "s.org_id = :o";
		Map<String, BigDecimal> sums = new HashMap<>();
		jdbc.sql("select s.account, sum(s.amount) as total from fin_month_sum s where " + books
				+ " and s.fiscal_year = :y and s.fiscal_month between :f and :t group by s.account")
			.params(params).query(rs -> {
				sums.put(rs.getString("account"), rs.getBigDecimal("total"));
			});
		return sums;
	}

	/** The bank balance before the first month. */
	BigDecimal opening(boolean whole, Map<String, Object> params) {
		String books = whole ? "s.org_id in (select id from org where path like :p)" : "s.org_id = :o";
		return jdbc.sql("select coalesce(sum(s.amount), 0) from fin_month_sum s where " + books
				+ " and s.account = 'BANK' and (s.fiscal_year < :y or (s.fiscal_year = :y and s.fiscal_month < :f))")
			.params(params).query(BigDecimal.class).single();
	}

	/** The number of books of the org and every org below it. */
	int bookCount(String path) {
		return jdbc.sql("select count(*) from fin_book b join org o on o.id = b.org_id where o.path like :p")
			.param("p", path + "%").query(Integer.class).single();
	}

	/** The year's budget of every expense category. */
	Map<String, BigDecimal> budgets(boolean whole, Map<String, Object> params) {
		String books = whole ? "b.org_id in (select id from org where path like :p)" : "b.org_id = :o";
		Map<String, BigDecimal> budgets = new HashMap<>();
		jdbc.sql("select b.category_code, sum(b.amount) as total from fin_budget b where " + books
				+ " and b.fiscal_year = :y group by b.category_code").params(params)
			.query(rs -> {
				budgets.put(rs.getString("category_code"), rs.getBigDecimal("total"));
			});
		return budgets;
	}
}
